using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Stock;

[Collection(AppCollection.Name)]
public sealed class StockApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("sam");

    private async Task<string> NewPieceAsync()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Chain bracelet"))["id"]!;
        await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" });
        var job = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/complete", new { category = "Bracelets" })).ReadJsonAsync(HttpStatusCode.Accepted);
        return (string)job["completion"]!["pieces"]![0]!;
    }

    [Fact]
    public async Task APieceCanBeReservedReleasedAndSoldWithHistory()
    {
        var piece = await NewPieceAsync();

        var reserved = await (await _client.PostAsJsonAsync($"/api/stock/{piece}/reserve", new { reason = "Held for Mrs. Chen" })).ReadJsonAsync(HttpStatusCode.OK);
        var released = await (await _client.PostAsJsonAsync($"/api/stock/{piece}/release", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var sold = await (await _client.PostAsJsonAsync($"/api/stock/{piece}/sell", new { })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["Reserved", "Available", "Sold"], new[] { reserved, released, sold }.Select(s => (string)s["status"]!));
        var history = await (await _client.GetAsync($"/api/stock/{piece}/history")).ReadArrayAsync();
        Assert.Equal(["Created", "Reserved", "Released", "Sold"], history.Select(e => (string)e!["action"]!));
        Assert.Equal("Held for Mrs. Chen", (string)history[1]!["reason"]!);
        Assert.Equal("sam", (string)history[3]!["by"]!);
    }

    [Fact]
    public async Task AnActionTheStatusDoesNotAllowAnswers409AndWritesNothing()
    {
        var piece = await NewPieceAsync();
        await _client.PostAsJsonAsync($"/api/stock/{piece}/sell", new { });
        var before = await app.SnapshotAsync();

        var reserve = await _client.PostAsJsonAsync($"/api/stock/{piece}/reserve", new { });
        var sell = await _client.PostAsJsonAsync($"/api/stock/{piece}/sell", new { });

        Assert.Equal(["release"], (await reserve.ReadProblemAsync(HttpStatusCode.Conflict))["allowed"]!.AsArray().Select(a => (string)a!));
        await sell.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task ReleasingASoldPieceReturnsItToAvailable()
    {
        var piece = await NewPieceAsync();
        await _client.PostAsJsonAsync($"/api/stock/{piece}/sell", new { });

        var released = await (await _client.PostAsJsonAsync($"/api/stock/{piece}/release", new { reason = "Customer returned it" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Available", (string)released["status"]!);
    }

    [Fact]
    public async Task AStaleETagOnAStockActionAnswers412()
    {
        var piece = await NewPieceAsync();
        await _client.PostAsJsonAsync($"/api/stock/{piece}/reserve", new { });

        var response = await _client.SendJsonAsync(HttpMethod.Post, $"/api/stock/{piece}/sell", new { }, "\"0\"");

        var problem = await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Reserved", (string)problem["current"]!["status"]!);
    }

    [Fact]
    public async Task UnknownStockIsNotFound()
    {
        await (await _client.GetAsync("/api/stock/S-99999")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostAsJsonAsync("/api/stock/S-99999/sell", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
