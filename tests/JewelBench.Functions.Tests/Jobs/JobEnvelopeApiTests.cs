using System.Net;
using JewelBench.Functions.Tests.Infrastructure;
using QRCoder;

namespace JewelBench.Functions.Tests.Jobs;

[Collection(AppCollection.Name)]
public sealed class JobEnvelopeApiTests(JewelBenchApp app)
{
    [Fact]
    public async Task TheEnvelopeQrCodeOpensTheJobAtTheShopsAddress()
    {
        var client = app.Client("counter");
        var id = (string)(await app.CreateJobAsync(client, "Tagged piece"))["id"]!;

        var response = await client.GetAsync($"/api/jobs/{id}/qr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        using var expected = new QRCodeGenerator().CreateQrCode($"http://localhost:7071/#/jobs/{id}", QRCodeGenerator.ECCLevel.M);
        Assert.Equal(new SvgQRCode(expected).GetGraphic(4), await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/jobs/P-9999/qr")).StatusCode);
    }
}
