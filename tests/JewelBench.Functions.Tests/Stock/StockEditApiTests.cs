using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Stock;

[Collection(AppCollection.Name)]
public sealed class StockEditApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("sam");

    private async Task<string> NewPieceAsync()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Chain bracelet"))["id"]!;
        await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" });
        var job = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/complete",
            new { category = "Bracelets", storageLocation = "Safe", retailPrice = 250 })).ReadJsonAsync(HttpStatusCode.Accepted);
        return (string)job["completion"]!["pieces"]![0]!;
    }

    private async Task<string> ETagAsync(string piece) => (await _client.GetAsync($"/api/stock/{piece}")).Headers.ETag!.ToString();

    [Fact]
    public async Task EditingAPieceRecordsEachChangeWithWhoWhenWhyAndFromTo()
    {
        var piece = await NewPieceAsync();
        var etag = await ETagAsync(piece);

        var response = await _client.PatchJsonAsync($"/api/stock/{piece}",
            new { title = "Curb chain bracelet", category = "Bracelets", storageLocation = "Front case", retailPrice = 275.5, reason = "Shown in the window" }, etag);

        var edited = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, response.Headers.ETag?.ToString());
        Assert.Equal(("Curb chain bracelet", "Front case", 275.5m), ((string)edited["title"]!, (string)edited["storageLocation"]!, (decimal)edited["retailPrice"]!));
        var stored = await (await _client.GetAsync($"/api/stock/{piece}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Front case", (string)stored["storageLocation"]!);
        var edits = (await (await _client.GetAsync($"/api/stock/{piece}/history")).ReadArrayAsync()).Where(e => (string)e!["action"]! == "Edited").ToList();
        Assert.Equal([("title", "Chain bracelet", "Curb chain bracelet"), ("storageLocation", "Safe", "Front case"), ("retailPrice", "250.00", "275.50")],
            edits.Select(e => ((string)e!["field"]!, (string)e["from"]!, (string)e["to"]!)));
        Assert.All(edits, e => Assert.Equal(("sam", "Shown in the window", app.Clock.GetUtcNow()),
            ((string)e!["by"]!, (string)e["reason"]!, (DateTimeOffset)e["at"]!)));
    }

    [Fact]
    public async Task AnEditOnAStaleETagAnswers412WithTheCurrentPieceAndWritesNothing()
    {
        var piece = await NewPieceAsync();
        var loaded = await ETagAsync(piece);
        await (await _client.PatchJsonAsync($"/api/stock/{piece}", new { storageLocation = "Safe B" }, loaded)).ReadJsonAsync(HttpStatusCode.OK);
        var current = await ETagAsync(piece);
        var before = await app.SnapshotAsync();

        var response = await _client.PatchJsonAsync($"/api/stock/{piece}", new { storageLocation = "Drawer 3", reason = "Restocked" }, loaded);

        var problem = await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Safe B", (string)problem["current"]!["storageLocation"]!);
        Assert.Equal(current, response.Headers.ETag?.ToString());
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task BadFieldsAnswer400NamingEachFieldAndWriteNothing()
    {
        var piece = await NewPieceAsync();
        var before = await app.SnapshotAsync();

        var response = await _client.PatchJsonAsync($"/api/stock/{piece}",
            new { title = "", category = new string('c', 61), storageLocation = new string('l', 61), retailPrice = -5 });
        var wrongTypes = await _client.PatchJsonAsync($"/api/stock/{piece}", new { retailPrice = "a lot", cost = 1, title = 7 });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "title", "category", "storageLocation", "retailPrice");
        Assert.Contains("at most 60", problem["errors"]!["storageLocation"]![0]!.ToString());
        await wrongTypes.ReadProblemAsync(HttpStatusCode.BadRequest, "retailPrice", "cost", "title");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task ASoldPieceIsEditedOnlyWithAReasonAndTheHistorySaysSo()
    {
        var piece = await NewPieceAsync();
        await (await _client.PostAsJsonAsync($"/api/stock/{piece}/sell", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var before = await app.SnapshotAsync();

        var refused = await _client.PatchJsonAsync($"/api/stock/{piece}", new { storageLocation = "Shipped" });
        Assert.Equal(before, await app.SnapshotAsync());
        var edited = await (await _client.PatchJsonAsync($"/api/stock/{piece}", new { storageLocation = "Shipped", reason = "Posted to the buyer" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        await refused.ReadProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.Equal(("Sold", "Shipped"), ((string)edited["status"]!, (string)edited["storageLocation"]!));
        var last = (await (await _client.GetAsync($"/api/stock/{piece}/history")).ReadArrayAsync()).Last()!;
        Assert.Equal(("Storage location changed after the sale", "Posted to the buyer"), ((string)last["summary"]!, (string)last["reason"]!));
    }

    [Fact]
    public async Task AnEditThatChangesNothingWritesNothing()
    {
        var piece = await NewPieceAsync();
        var before = await app.SnapshotAsync();

        var response = await _client.PatchJsonAsync($"/api/stock/{piece}", new { storageLocation = "Safe", title = "Chain bracelet" });

        await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task EditingUnknownStockIsNotFound() =>
        await (await _client.PatchJsonAsync("/api/stock/S-99999", new { title = "Nothing" })).ReadProblemAsync(HttpStatusCode.NotFound);
}
