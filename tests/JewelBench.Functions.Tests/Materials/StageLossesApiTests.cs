using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Materials;

/// <summary>Inputs, outputs and losses at a stage, the stock they move, and the stage summary with metal weight.</summary>
[Collection(AppCollection.Name)]
public sealed class StageLossesApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<string> NewGoldAsync(decimal onHand) => (string)(await (await _client.PostAsJsonAsync("/api/materials", new
    {
        kind = "Metal", name = "14k yellow casting grain", unit = "g", unitCost = 60, onHand, metal = "Gold", karat = "14k",
    })).ReadJsonAsync(HttpStatusCode.Created))["id"]!;

    private async Task<(string Job, string Stage)> CastingAsync()
    {
        var job = await app.CreateJobAsync(_client, "Signet rings");
        var id = (string)job["id"]!;
        var withStage = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name = "Casting", vendor = "Acme Casting", vendorKind = "Outside" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return (id, (string)withStage["stages"]![0]!["id"]!);
    }

    private Task<HttpResponseMessage> RecordAsync(string job, string stage, object record) =>
        _client.PostAsJsonAsync($"/api/jobs/{job}/stages/{stage}/records", record);

    private async Task<JsonObject> MaterialAsync(string id) => await (await _client.GetAsync($"/api/materials/{id}")).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<List<string>> MovesAsync(string id) =>
        [.. (await (await _client.GetAsync($"/api/materials/{id}/ledger")).ReadArrayAsync()).Select(e => (string)e!["move"]!)];

    [Fact]
    public async Task AnInputFromInventoryIsUsedAndCostsTheJob()
    {
        var gold = await NewGoldAsync(100);
        var (job, stage) = await CastingAsync();

        var after = await (await RecordAsync(job, stage, new { flow = "Input", materialId = gold, quantity = 20 })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(80m, (decimal)(await MaterialAsync(gold))["onHand"]!);
        Assert.Equal(["Receive", "Use"], await MovesAsync(gold));
        Assert.Equal(1200m, (decimal)after["costs"]!["materials"]!);
        Assert.Equal(1200m, (decimal)after["stages"]![0]!["records"]![0]!["value"]!);
    }

    [Fact]
    public async Task AnOutputIsProducedIntoInventoryOrIntoANewItemCreatedWithIt()
    {
        var gold = await NewGoldAsync(10);
        var (job, stage) = await CastingAsync();

        await (await RecordAsync(job, stage, new { flow = "Output", materialId = gold, quantity = 2 })).ReadJsonAsync(HttpStatusCode.Created);
        var inline = await (await RecordAsync(job, stage, new
        {
            flow = "Output", description = "Cast signet blanks", quantity = 6, unit = "pcs", value = 90, newMaterial = new { kind = "Other", sku = "BLANK-SIG" },
        })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(12m, (decimal)(await MaterialAsync(gold))["onHand"]!);
        Assert.Equal(["Receive", "Produce"], await MovesAsync(gold));
        var created = (string)inline["stages"]![0]!["records"]![1]!["materialId"]!;
        var blanks = await MaterialAsync(created);
        Assert.Equal(("BLANK-SIG", "Cast signet blanks", 6m, 15m), ((string)blanks["sku"]!, (string)blanks["name"]!, (decimal)blanks["onHand"]!, (decimal)blanks["unitCost"]!));
        Assert.Equal(["Produce"], await MovesAsync(created));
    }

    [Fact]
    public async Task ScrapGoesToItsOwnSkuAtItsRecoverableValueAndIsCreditedToTheJob()
    {
        var gold = await NewGoldAsync(100);
        var (job, stage) = await CastingAsync();
        await RecordAsync(job, stage, new { flow = "Input", materialId = gold, quantity = 20 });

        await (await RecordAsync(job, stage, new { flow = "Loss", loss = "Scrap", materialId = gold, quantity = 2, value = 90, note = "Sprues" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var second = await (await RecordAsync(job, stage, new { flow = "Loss", loss = "Scrap", materialId = gold, quantity = 1, value = 45 }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var scrap = await MaterialAsync($"{gold}-SCRAP");
        Assert.Equal(($"SCRAP-{(string)(await MaterialAsync(gold))["sku"]!}", 3m, 45m, gold),
            ((string)scrap["sku"]!, (decimal)scrap["onHand"]!, (decimal)scrap["unitCost"]!, (string)scrap["scrapOf"]!));
        Assert.Equal(["Scrap", "Scrap"], await MovesAsync($"{gold}-SCRAP"));
        Assert.Equal(135m, (decimal)second["costs"]!["scrapCredit"]!);
        Assert.Equal(1200m - 135m, (decimal)second["costs"]!["total"]!);
    }

    [Fact]
    public async Task TheStageSummaryShowsLossesMetalWeightAndWhatIsUnexplained()
    {
        var gold = await NewGoldAsync(100);
        var (job, stage) = await CastingAsync();
        await RecordAsync(job, stage, new { flow = "Input", description = "Grain from the job's allocation", quantity = 30, unit = "g" });
        await RecordAsync(job, stage, new { flow = "Output", description = "Cast rings", quantity = 26, unit = "g" });
        await RecordAsync(job, stage, new { flow = "Loss", loss = "Scrap", materialId = gold, quantity = 2.5, value = 100 });
        await RecordAsync(job, stage, new { flow = "Loss", loss = "Waste", description = "Burnout", quantity = 0.5, unit = "g" });
        await RecordAsync(job, stage, new { flow = "Loss", loss = "Rejection", description = "Porous ring", quantity = 1, unit = "pcs" });

        var weighed = await (await _client.PatchJsonAsync($"/api/jobs/{job}/stages/{stage}", new { metalIn = 30, metalOut = 26 })).ReadJsonAsync(HttpStatusCode.OK);

        var summary = weighed["stages"]![0]!["summary"]!;
        var grams = summary["flows"]!.AsArray().Single(f => (string)f!["unit"]! == "g")!;
        Assert.Equal((30m, 26m, 0.5m, 2.5m, 1m), ((decimal)grams["input"]!, (decimal)grams["output"]!, (decimal)grams["waste"]!,
            (decimal)grams["scrap"]!, (decimal)grams["unexplained"]!));
        var metal = summary["metal"]!;
        Assert.Equal((4m, 13.33m, 3m, 1m), ((decimal)metal["loss"]!, (decimal)metal["lossPercent"]!, (decimal)metal["recorded"]!, (decimal)metal["unexplained"]!));
        var history = await (await _client.GetAsync($"/api/jobs/{job}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string?)e!["field"] == "stage Casting metal out (g)" && (string?)e["to"] == "26.00");
        Assert.True(history.Any(e => (string)e!["action"]! == "StageRecorded" && ((string)e["summary"]!).Contains("waste 0.5 g Burnout")), history.ToJsonString());
    }

    [Fact]
    public async Task RemovingARecordTakesBackTheStockItMoved()
    {
        var gold = await NewGoldAsync(50);
        var (job, stage) = await CastingAsync();
        var recorded = await (await RecordAsync(job, stage, new { flow = "Loss", loss = "Scrap", materialId = gold, quantity = 2, value = 80 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var recordId = (string)recorded["stages"]![0]!["records"]![0]!["id"]!;

        var removed = await (await _client.SendJsonAsync(HttpMethod.Delete, $"/api/jobs/{job}/stages/{stage}/records/{recordId}", new { reason = "Weighed twice" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0m, (decimal)(await MaterialAsync($"{gold}-SCRAP"))["onHand"]!);
        Assert.Equal(["Scrap", "Reverse"], await MovesAsync($"{gold}-SCRAP"));
        Assert.Empty(removed["stages"]![0]!["records"]!.AsArray());
        Assert.Equal(0m, (decimal)removed["costs"]!["scrapCredit"]!);
    }

    [Fact]
    public async Task BadRecordsAreNamedAndWriteNothing()
    {
        var gold = await NewGoldAsync(5);
        var (job, stage) = await CastingAsync();
        var before = await app.SnapshotAsync();

        var scrapWithoutMaterial = await RecordAsync(job, stage, new { flow = "Loss", loss = "Scrap", description = "Filings", quantity = 1, unit = "g" });
        var wasteToStock = await RecordAsync(job, stage, new { flow = "Loss", loss = "Waste", materialId = gold, quantity = 1 });
        var lossWithoutKind = await RecordAsync(job, stage, new { flow = "Loss", description = "?", quantity = 1, unit = "g" });
        var wrongUnit = await RecordAsync(job, stage, new { flow = "Input", materialId = gold, quantity = 1, unit = "ct" });
        var tooMuch = await RecordAsync(job, stage, new { flow = "Input", materialId = gold, quantity = 6 });
        var outWithoutIn = await _client.PatchJsonAsync($"/api/jobs/{job}/stages/{stage}", new { metalOut = 3 });

        await scrapWithoutMaterial.ReadProblemAsync(HttpStatusCode.BadRequest, "materialId");
        await wasteToStock.ReadProblemAsync(HttpStatusCode.BadRequest, "materialId");
        await lossWithoutKind.ReadProblemAsync(HttpStatusCode.BadRequest, "loss");
        await wrongUnit.ReadProblemAsync(HttpStatusCode.BadRequest, "unit");
        await tooMuch.ReadProblemAsync(HttpStatusCode.Conflict);
        await outWithoutIn.ReadProblemAsync(HttpStatusCode.BadRequest, "metalIn");
        Assert.Equal(before, await app.SnapshotAsync());
    }
}
