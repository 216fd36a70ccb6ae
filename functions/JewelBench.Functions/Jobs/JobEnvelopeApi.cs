using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;
using QRCoder;

namespace JewelBench.Functions.Jobs;

/// <summary>The QR code on a job's printed envelope: scanning it at the bench opens the job.</summary>
public static class JobEnvelopeApi
{
    public static RouteHandlerBuilder MapJobEnvelope(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/jobs/{id}/qr", QrCode).WithTags("Jobs");

    private static async Task<IResult> QrCode(string id, Caller caller, HttpContext http, IShopTable table, IOptions<JewelBenchOptions> options,
        CancellationToken ct)
    {
        if (await table.GetAsync<Job>(caller.ShopId, Keys.Job(id), ct) is null) return Answers.NotFound($"Job {id} was not found.");
        var url = $"{options.Value.PublicUrl.TrimEnd('/')}/#/jobs/{id}";
        using var data = new QRCodeGenerator().CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        http.Response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.Text(svg, "image/svg+xml");
    }
}
