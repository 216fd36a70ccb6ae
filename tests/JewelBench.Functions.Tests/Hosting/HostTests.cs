using System.Net;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Hosting;

[Collection(AppCollection.Name)]
public sealed class HostTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheJobEndpoints()
    {
        var document = await (await _client.GetAsync("/api/openapi.json")).ReadJsonAsync(HttpStatusCode.OK);

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/jobs", paths);
        Assert.Contains("/api/jobs/{id}/reopen", paths);
        Assert.Contains("/api/stock/{stockId}/sell", paths);
        Assert.Contains("/api/board", paths);
    }

    [Fact]
    public async Task TheBoardPageIsServedAtTheRoot()
    {
        var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("JewelBench", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownApiRouteIsAProblemDetails404()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
