using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Materials;

/// <summary>Every movement of stock, against Azurite: on-hand, committed and the ledger after each.</summary>
[Collection(AppCollection.Name)]
public sealed class MaterialLedgerApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<string> NewStoneAsync(decimal onHand, decimal unitCost = 40)
    {
        var created = await (await _client.PostAsJsonAsync("/api/materials", new
        {
            kind = "Stone", name = "Round sapphire 3 mm", unit = "pcs", unitCost, onHand, reorderPoint = 2, shape = "Round", size = "3 mm", color = "Blue",
        })).ReadJsonAsync(HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    private async Task<JsonObject> MaterialAsync(string id) => await (await _client.GetAsync($"/api/materials/{id}")).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<List<JsonNode>> LedgerAsync(string id) => [.. (await (await _client.GetAsync($"/api/materials/{id}/ledger")).ReadArrayAsync()).OfType<JsonNode>()];

    private async Task AssertStockAsync(string id, decimal onHand, decimal committed, params string[] moves)
    {
        var material = await MaterialAsync(id);
        Assert.Equal((onHand, committed), ((decimal)material["onHand"]!, (decimal)material["committed"]!));
        Assert.Equal(moves, (await LedgerAsync(id)).Select(e => (string)e["move"]!));
    }

    private async Task<(string JobId, string ItemId)> AllocatedJobAsync(string materialId, decimal quantity)
    {
        var jobId = (string)(await app.CreateJobAsync(_client, "Sapphire halo ring"))["id"]!;
        var job = await (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/materials", new { materialId, quantity })).ReadJsonAsync(HttpStatusCode.Created);
        return (jobId, (string)job["items"]![0]!["id"]!);
    }

    private async Task CompleteAsync(string jobId)
    {
        (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/complete", new { category = "Rings" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ReceivingAndCountingAreLedgeredWithAnAverageCost()
    {
        var id = await NewStoneAsync(onHand: 10, unitCost: 40);

        await (await _client.PostAsJsonAsync($"/api/materials/{id}/receive", new { quantity = 10, unitCost = 50, reason = "PO 1182" })).ReadJsonAsync(HttpStatusCode.OK);
        var counted = await (await _client.PostAsJsonAsync($"/api/materials/{id}/count", new { onHand = 18, reason = "Stocktake: two chipped" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(45m, (decimal)counted["unitCost"]!);
        await AssertStockAsync(id, 18, 0, "Receive", "Receive", "Count");
        var count = (await LedgerAsync(id))[2];
        Assert.Equal((-2m, 18m, "Stocktake: two chipped", "tester"),
            ((decimal)count["onHandChange"]!, (decimal)count["onHandAfter"]!, (string)count["reason"]!, (string)count["by"]!));
    }

    [Fact]
    public async Task ACountNeedsAReasonAndBadInputWritesNothing()
    {
        var id = await NewStoneAsync(onHand: 3);
        var before = await app.SnapshotAsync();

        var count = await _client.PostAsJsonAsync($"/api/materials/{id}/count", new { onHand = -1 });
        var receive = await _client.PostAsJsonAsync($"/api/materials/{id}/receive", new { quantity = 0 });
        var create = await _client.PostAsJsonAsync("/api/materials", new { kind = "Metal", name = "", unit = "bucket" });

        await count.ReadProblemAsync(HttpStatusCode.BadRequest, "reason");
        await receive.ReadProblemAsync(HttpStatusCode.BadRequest, "quantity");
        await create.ReadProblemAsync(HttpStatusCode.BadRequest, "name", "unit", "metal");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task AllocatingTakesStockOntoTheJobAndRemovingGivesItBack()
    {
        var id = await NewStoneAsync(onHand: 10, unitCost: 40);
        var (jobId, itemId) = await AllocatedJobAsync(id, 4);
        await AssertStockAsync(id, 6, 4, "Receive", "Allocate");

        var more = await (await _client.PatchJsonAsync($"/api/jobs/{jobId}/items/{itemId}", new { quantity = 6 })).ReadJsonAsync(HttpStatusCode.OK);
        await AssertStockAsync(id, 4, 6, "Receive", "Allocate", "Allocate");
        Assert.Equal(240m, (decimal)more["costs"]!["materials"]!);

        await (await _client.SendJsonAsync(HttpMethod.Delete, $"/api/jobs/{jobId}/items/{itemId}", new { reason = "Client chose rubies" })).ReadJsonAsync(HttpStatusCode.OK);
        await AssertStockAsync(id, 10, 0, "Receive", "Allocate", "Allocate", "Remove");
        var removal = (await LedgerAsync(id))[3];
        Assert.Equal((jobId, "Client chose rubies"), ((string)removal["jobId"]!, (string)removal["reason"]!));
    }

    [Fact]
    public async Task OverAllocationIsRefusedNamingWhatIsOnHandAndWritesNothing()
    {
        var id = await NewStoneAsync(onHand: 2);
        var jobId = (string)(await app.CreateJobAsync(_client, "Three-stone ring"))["id"]!;
        var before = await app.SnapshotAsync();

        var problem = await (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/materials", new { materialId = id, quantity = 3 }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Only 2 pcs", (string)problem["detail"]!);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task ProductionHoldsThenCompletionConsumesAndReopenLeavesItConsumed()
    {
        var id = await NewStoneAsync(onHand: 10);
        var (jobId, itemId) = await AllocatedJobAsync(id, 3);

        (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        await AssertStockAsync(id, 7, 3, "Receive", "Allocate", "Hold");
        (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/complete", new { category = "Rings" })).EnsureSuccessStatusCode();
        await AssertStockAsync(id, 7, 0, "Receive", "Allocate", "Hold", "Consume");

        var reopened = await _client.PostAsJsonAsync($"/api/jobs/{jobId}/reopen", new { reason = "Setting came loose" });
        reopened.EnsureSuccessStatusCode();
        await AssertStockAsync(id, 7, 0, "Receive", "Allocate", "Hold", "Consume");
        var job = await (await _client.GetAsync($"/api/jobs/{jobId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Consumed", (string)job["items"]![0]!["allocation"]!);

        var returned = await (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/items/{itemId}/return", new { reason = "Stones reused elsewhere" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        await AssertStockAsync(id, 10, 0, "Receive", "Allocate", "Hold", "Consume", "Return");
        Assert.Empty(returned["items"]!.AsArray());
        Assert.Equal("Stones reused elsewhere", (string)(await LedgerAsync(id))[4]["reason"]!);
    }

    [Fact]
    public async Task CancelReleasesWhatTheJobHeld()
    {
        var id = await NewStoneAsync(onHand: 5);
        var (jobId, _) = await AllocatedJobAsync(id, 5);
        (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();

        var canceled = await (await _client.PostAsJsonAsync($"/api/jobs/{jobId}/transitions", new { to = "Canceled", reason = "Order withdrawn" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        await AssertStockAsync(id, 5, 0, "Receive", "Allocate", "Hold", "Release");
        Assert.Equal("Released", (string)canceled["items"]![0]!["allocation"]!);
    }

    [Fact]
    public async Task OnlyConsumedMaterialIsReturnedAndOnlyOnAnOpenJob()
    {
        var id = await NewStoneAsync(onHand: 5);
        var (jobId, itemId) = await AllocatedJobAsync(id, 1);

        var notConsumed = await _client.PostAsJsonAsync($"/api/jobs/{jobId}/items/{itemId}/return", new { });
        await CompleteAsync(jobId);
        var completed = await _client.PostAsJsonAsync($"/api/jobs/{jobId}/items/{itemId}/return", new { });

        await notConsumed.ReadProblemAsync(HttpStatusCode.Conflict);
        await completed.ReadProblemAsync(HttpStatusCode.Conflict);
        await AssertStockAsync(id, 4, 0, "Receive", "Allocate", "Hold", "Consume");
    }

    [Fact]
    public async Task TwoUsersRacingForTheLastStoneGetItOnce()
    {
        var id = await NewStoneAsync(onHand: 1);
        var jobs = new List<string>();
        for (var i = 0; i < 6; i++) jobs.Add((string)(await app.CreateJobAsync(_client, $"Solitaire {i}"))["id"]!);
        var clients = jobs.Select(j => (Job: j, Client: app.Client($"bench{j}"))).ToList();

        var answers = await Task.WhenAll(clients.Select(c => c.Client.PostAsJsonAsync($"/api/jobs/{c.Job}/materials", new { materialId = id, quantity = 1 })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await AssertStockAsync(id, 0, 1, "Receive", "Allocate");
        var withStone = 0;
        foreach (var job in jobs)
            withStone += (await (await _client.GetAsync($"/api/jobs/{job}")).ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray().Count;
        Assert.Equal(1, withStone);
    }
}
