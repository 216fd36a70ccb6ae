using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Jobs;

/// <summary>
/// The customer's signature at intake, a PNG drawn on screen, in Blob Storage under `{shop}/jobs/{jobId}/signature-{guid}`.
/// As with the shop logo: each upload gets a new server-made name, the job points at it in a conditional write, and only
/// then is the old image deleted, so a failed or lost change leaves the signature that was there.
/// </summary>
public static class JobSignatureApi
{
    public static RouteGroupBuilder MapJobSignature(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{id}/signature").WithTags("Intake");
        group.MapGet("/", View);
        group.MapPut("/", Sign);
        return group;
    }

    /// <summary>Staff only (the default policy): a signature is not for the kiosk or the status page.</summary>
    private static async Task<IResult> View(string id, Caller caller, HttpContext http, IShopTable table, IBlobStore blobs, CancellationToken ct)
    {
        if (await table.GetAsync<Job>(caller.ShopId, Keys.Job(id), ct) is not { Value: var job }) return Answers.NotFound($"Job {id} was not found.");
        var image = job.Signature is { } signature ? await blobs.GetAsync(signature.BlobName, ct) : null;
        if (image is null) return Answers.NotFound($"Job {id} has no signature.");
        // The address stays the same when the customer signs again, so the browser must ask each time.
        http.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.File(image.Content, "image/png");
    }

    private static async Task<IResult> Sign(string id, Caller caller, HttpRequest request, IShopTable table, IBlobStore blobs,
        JobCommands jobs, TimeProvider clock, IOptions<JewelBenchOptions> options)
    {
        var ct = request.HttpContext.RequestAborted;
        if (await table.GetAsync<Job>(caller.ShopId, Keys.Job(id), ct) is not { Value: var current }) return Answers.NotFound($"Job {id} was not found.");
        current.EnsureSignable();
        var image = await RequestBody.ReadAsync(request, options.Value.MaxSignatureBytes);
        if (image.Length == 0) throw ValidationFailedException.For("body", "is empty: send the signature as a PNG image.");
        if (Images.Sniff(image) != "image/png") throw new UnsupportedContentException("The signature must be a PNG image.");

        var signature = new IntakeSignature(BlobNames.JobSignature(caller.ShopId, id), image.Length, caller.User, clock.GetUtcNow());
        await blobs.PutAsync(signature.BlobName, image, "image/png", ct);
        string? replaced = null;
        IResult result;
        try
        {
            result = await jobs.RunAsync(caller, id, request, null, (job, change) =>
            {
                replaced = job.Signature?.BlobName;
                job.Sign(signature, change);
            });
        }
        catch
        {
            await blobs.DeleteIfExistsAsync(signature.BlobName, CancellationToken.None);
            throw;
        }
        var unused = Answers.Succeeded(result) ? replaced : signature.BlobName;
        if (unused is not null) await blobs.DeleteIfExistsAsync(unused, CancellationToken.None);
        return result;
    }
}
