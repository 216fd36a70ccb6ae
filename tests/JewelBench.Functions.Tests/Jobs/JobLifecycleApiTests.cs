using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Jobs;

[Collection(AppCollection.Name)]
public sealed class JobLifecycleApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("jon");

    /// <summary>A job in production with a done stage and 90.00 of material: ready to complete.</summary>
    private async Task<string> JobReadyToCompleteAsync()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Stacking rings"))["id"]!;
        await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Material", description = "Silver wire", quantity = 30, unit = "g", unitCost = 2 });
        var staged = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name = "Polish", cost = 30 })).ReadJsonAsync(HttpStatusCode.Created);
        await _client.PatchJsonAsync($"/api/jobs/{id}/stages/{staged["stages"]![0]!["id"]}", new { status = "Done" });
        await (await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" })).ReadJsonAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Close-out commits at once and answers 202: the photos are copied by the operation it names.</summary>
    private async Task<JsonObject> CompleteAsync(string id, bool separate, int quantity = 3)
    {
        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/complete",
            new { category = "Rings", quantity, separateItems = separate, retailPrice = 95 });
        var job = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal($"/api/operations/{job["operation"]!["id"]}", response.Headers.Location?.OriginalString);
        return job;
    }

    [Fact]
    public async Task AnIllegalTransitionAnswers409WithTheAllowedOnes()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Brooch"))["id"]!;
        var before = await app.SnapshotAsync();

        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "Completed" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["InProduction", "Canceled"], problem["allowed"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task CancelingNeedsAReasonAndTakesTheJobOffTheBoard()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Anklet"))["id"]!;

        var noReason = await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "Canceled" });
        var canceled = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "Canceled", reason = "Customer changed mind" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        await noReason.ReadProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.Equal("Canceled", (string)canceled["status"]!);
        var board = await (await _client.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(board["lanes"]!.AsArray().SelectMany(l => l!["cards"]!.AsArray()), c => (string)c!["jobId"]! == id);
    }

    [Fact]
    public async Task UnknownTransitionTargetIsABadRequest()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Tiara"))["id"]!;

        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "Shipped" });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Fact]
    public async Task CompletingAsSeparateItemsCreatesOneStockIdPerPieceWithTheCostSplit()
    {
        var id = await JobReadyToCompleteAsync();

        var job = await CompleteAsync(id, separate: true);

        Assert.Equal("Completed", (string)job["status"]!);
        Assert.Null(job["lane"]);
        var pieces = job["completion"]!["pieces"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(3, pieces.Count);
        var stock = new List<JsonObject>();
        foreach (var piece in pieces) stock.Add(await (await _client.GetAsync($"/api/stock/{piece}")).ReadJsonAsync(HttpStatusCode.OK));
        Assert.All(stock, s => Assert.Equal(id, (string)s["jobId"]!));
        Assert.All(stock, s => Assert.Equal("Available", (string)s["status"]!));
        Assert.All(stock, s => Assert.Equal("Stacking rings", (string)s["title"]!));
        Assert.Equal(90m, stock.Sum(s => (decimal)s["costBasis"]!));
        Assert.Equal([30m, 30m, 30m], stock.Select(s => (decimal)s["costBasis"]!));
    }

    [Fact]
    public async Task CompletingAsABatchCreatesOneStockIdCarryingTheWholeQuantity()
    {
        var id = await JobReadyToCompleteAsync();

        var job = await CompleteAsync(id, separate: false, quantity: 4);

        var piece = (string)job["completion"]!["pieces"]![0]!;
        var stock = await (await _client.GetAsync($"/api/stock/{piece}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(job["completion"]!["pieces"]!.AsArray());
        Assert.Equal(4, (int)stock["quantity"]!);
        Assert.Equal(90m, (decimal)stock["costBasis"]!);
        Assert.Equal(22.5m, (decimal)stock["unitCost"]!);
        Assert.Equal(id, (string)stock["sku"]!);
    }

    [Fact]
    public async Task CompletingWithoutACategoryIsABadRequestAndWritesNothing()
    {
        var id = await JobReadyToCompleteAsync();
        var before = await app.SnapshotAsync();

        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/complete", new { quantity = 0, separateItems = true });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "category", "quantity");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task CompletingADraftAnswers409()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Earring jackets"))["id"]!;

        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/complete", new { category = "Earrings" });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CompletingWithAStaleETagAnswers412AndCreatesNoStock()
    {
        var id = await JobReadyToCompleteAsync();
        var before = await app.SnapshotAsync();

        var response = await _client.SendJsonAsync(HttpMethod.Post, $"/api/jobs/{id}/complete", new { category = "Rings" }, "\"1\"");

        await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task ReopenIsRefusedWhenAPieceIsSoldAndChangesNothing()
    {
        var id = await JobReadyToCompleteAsync();
        var pieces = (await CompleteAsync(id, separate: true))["completion"]!["pieces"]!.AsArray().Select(p => (string)p!).ToList();
        await (await _client.PostAsJsonAsync($"/api/stock/{pieces[1]}/sell", new { })).ReadJsonAsync(HttpStatusCode.OK);
        await (await _client.PostAsJsonAsync($"/api/stock/{pieces[2]}/reserve", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var before = await app.SnapshotAsync();

        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Wrong size" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([$"{pieces[1]} is Sold", $"{pieces[2]} is Reserved"], problem["blockers"]!.AsArray().Select(b => (string)b!));
        Assert.Contains($"{pieces[1]} is Sold", (string)problem["detail"]!);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task ReopenRemovesTheCreatedPiecesAndReturnsTheJobToProduction()
    {
        var id = await JobReadyToCompleteAsync();
        var pieces = (await CompleteAsync(id, separate: true))["completion"]!["pieces"]!.AsArray().Select(p => (string)p!).ToList();

        var job = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Stones need resetting" })).ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("InProduction", (string)job["status"]!);
        Assert.Null(job["completion"]);
        foreach (var piece in pieces)
            await (await _client.GetAsync($"/api/stock/{piece}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var board = await (await _client.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(board["lanes"]![1]!["cards"]!.AsArray(), c => (string)c!["jobId"]! == id);
        var actions = (await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync()).Select(e => (string)e!["action"]!).ToList();
        Assert.Equal(["Completed", "InventoryCreated", "Reopened", "InventoryRemoved"], actions.TakeLast(4));
    }

    [Fact]
    public async Task ReopenNeedsAReason()
    {
        var id = await JobReadyToCompleteAsync();
        await CompleteAsync(id, separate: false);

        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "reason");
    }

    [Fact]
    public async Task HistoryOfAnUnknownJobIsNotFound()
    {
        await (await _client.GetAsync("/api/jobs/P-9996/history")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HistoryRecordsEveryCommandInOrderWithWhoAndWhen()
    {
        var id = await JobReadyToCompleteAsync();

        var history = await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();

        Assert.Equal(["Created", "ItemAdded", "StageAdded", "Edited", "Started"], history.Select(e => (string)e!["action"]!));
        Assert.Equal([1, 2, 3, 4, 5], history.Select(e => (int)e!["seq"]!));
        Assert.All(history, e => Assert.Equal("jon", (string)e!["by"]!));
        Assert.All(history, e => Assert.Equal(app.Clock.GetUtcNow(), DateTimeOffset.Parse((string)e!["at"]!)));
    }
}
