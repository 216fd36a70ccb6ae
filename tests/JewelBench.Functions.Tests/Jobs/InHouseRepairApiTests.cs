using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Jobs;

[Collection(AppCollection.Name)]
public sealed class InHouseRepairApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("owner-bench");

    private async Task<JsonObject> GetAsync(string url) => await (await _client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);

    /// <summary>A finished piece at cost basis 50.00 (a production job's close-out) and an in-house repair of it with 35.00 of labor, in progress.</summary>
    private async Task<(string StockId, string RepairId)> RepairOfAPieceAsync()
    {
        var production = (string)(await app.CreateJobAsync(_client, "Silver cuff"))["id"]!;
        await (await _client.PostAsJsonAsync($"/api/jobs/{production}/items", new { kind = "Material", description = "Silver", quantity = 1, unit = "pcs", unitCost = 50 })).ReadJsonAsync(HttpStatusCode.Created);
        (await _client.PostAsJsonAsync($"/api/jobs/{production}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        var completed = await (await _client.PostAsJsonAsync($"/api/jobs/{production}/complete", new { category = "Bracelets" })).ReadJsonAsync(HttpStatusCode.Accepted);
        var stockId = (string)completed["completion"]!["pieces"]![0]!;

        var repair = await (await _client.PostAsJsonAsync("/api/jobs", new { module = "Repair", description = "Fix dented cuff", stockId }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = (string)repair["id"]!;
        await (await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Labor", description = "Planish dent", quantity = 1, unitCost = 35 })).ReadJsonAsync(HttpStatusCode.Created);
        (await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProgress" })).EnsureSuccessStatusCode();
        return (stockId, id);
    }

    [Fact]
    public async Task CompletingAnInHouseRepairRollsItsCostOntoThePieceAndReopenTakesItOff()
    {
        var (stockId, id) = await RepairOfAPieceAsync();

        var completed = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/complete", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var afterComplete = await GetAsync($"/api/stock/{stockId}");
        var reopened = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Dent came back" })).ReadJsonAsync(HttpStatusCode.OK);
        var afterReopen = await GetAsync($"/api/stock/{stockId}");

        Assert.Equal(("Completed", stockId, 35m), ((string)completed["status"]!, (string)completed["repairOf"]!, (decimal)completed["costRolled"]!["amount"]!));
        Assert.Equal(85m, (decimal)afterComplete["costBasis"]!);
        Assert.Equal("InProgress", (string)reopened["status"]!);
        Assert.Equal(50m, (decimal)afterReopen["costBasis"]!);
        var history = await (await _client.GetAsync($"/api/stock/{stockId}/history")).ReadArrayAsync();
        Assert.Equal(["50.00 → 85.00", "85.00 → 50.00"], history.Where(e => (string?)e!["field"] == "costBasis").Select(e => $"{e!["from"]} → {e["to"]}"));
    }

    [Fact]
    public async Task ReopenIsRefusedOnceThePieceIsSoldAndChangesNothing()
    {
        var (stockId, id) = await RepairOfAPieceAsync();
        (await _client.PostAsJsonAsync($"/api/jobs/{id}/complete", new { })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync($"/api/stock/{stockId}/sell", new { reason = "Sold at the counter" })).EnsureSuccessStatusCode();
        var before = await app.SnapshotAsync();

        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Too late" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"{stockId} is Sold", problem["blockers"]!.AsArray().Select(b => (string)b!));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task AnInHouseRepairNamesAPieceOfThisShop()
    {
        var before = await app.SnapshotAsync();

        var response = await _client.PostAsJsonAsync("/api/jobs", new { module = "Repair", description = "Nothing to repair", stockId = "S-99999" });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "stockId");
        Assert.Equal(before, await app.SnapshotAsync());
    }
}
