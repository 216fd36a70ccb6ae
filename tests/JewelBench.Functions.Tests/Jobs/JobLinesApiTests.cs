using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Jobs;

[Collection(AppCollection.Name)]
public sealed class JobLinesApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<string> NewJobAsync() => (string)(await app.CreateJobAsync(_client, "Cocktail ring"))["id"]!;

    [Fact]
    public async Task ItemsAndDoneStagesRollUpIntoTheCost()
    {
        var id = await NewJobAsync();
        await _client.PatchJsonAsync($"/api/jobs/{id}", new { quantity = 2 });

        await (await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Material", description = "18k gold", quantity = 5.5, unit = "g", unitCost = 70 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Labor", description = "Fabrication", quantity = 2, unitCost = 45 });
        await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Fee", description = "Rush fee", unitCost = 25 });
        var withStage = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name = "Casting", vendor = "Acme", vendorKind = "Outside", cost = 60 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var planned = withStage["costs"]!;
        var stageId = (string)withStage["stages"]![0]!["id"]!;
        var done = await (await _client.PatchJsonAsync($"/api/jobs/{id}/stages/{stageId}", new { status = "Done" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(60m, (decimal)planned["stagesPlanned"]!);
        Assert.Equal(500m, (decimal)planned["total"]!);
        var costs = done["costs"]!;
        Assert.Equal(385m, (decimal)costs["materials"]!);
        Assert.Equal(90m, (decimal)costs["labor"]!);
        Assert.Equal(25m, (decimal)costs["fees"]!);
        Assert.Equal(60m, (decimal)costs["stages"]!);
        Assert.Equal(560m, (decimal)costs["total"]!);
        Assert.Equal(280m, (decimal)costs["perUnit"]!);
    }

    [Fact]
    public async Task StagesCanBeEditedReorderedAndRemoved()
    {
        var id = await NewJobAsync();
        foreach (var name in new[] { "Casting", "Setting", "Polish" })
            await _client.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name });
        var job = await (await _client.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        var polish = (string)job["stages"]![2]!["id"]!;
        var setting = (string)job["stages"]![1]!["id"]!;

        await _client.PatchJsonAsync($"/api/jobs/{id}/stages/{polish}", new { position = 0, cost = 12.5, dueDate = "2026-11-20" });
        var after = await (await _client.DeleteAsync($"/api/jobs/{id}/stages/{setting}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["Polish", "Casting"], after["stages"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Equal(12.5m, (decimal)after["stages"]![0]!["cost"]!);
        Assert.Equal("2026-11-20", (string)after["stages"]![0]!["dueDate"]!);
        var history = await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string)e!["action"]! == "StageRemoved" && (string?)e["from"] == "Setting");
        Assert.Contains(history, e => (string?)e!["field"] == "stage Polish position" && (string?)e["from"] == "3" && (string?)e["to"] == "1");
    }

    [Fact]
    public async Task BadStageAndItemFieldsAreNamedAndWriteNothing()
    {
        var id = await NewJobAsync();
        var before = await app.SnapshotAsync();

        var stage = await _client.PostAsJsonAsync($"/api/jobs/{id}/stages", new { cost = -5, vendorKind = "Martian" });
        var item = await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Material", description = "Gold", quantity = 0, unit = "bucket", unitCost = 1 });

        await stage.ReadProblemAsync(HttpStatusCode.BadRequest, "name", "vendorKind");
        await item.ReadProblemAsync(HttpStatusCode.BadRequest, "quantity", "unit");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task UnknownStageOrItemIsNotFound()
    {
        var id = await NewJobAsync();

        var stage = await _client.PatchJsonAsync($"/api/jobs/{id}/stages/s99", new { status = "Done" });
        var item = await _client.DeleteAsync($"/api/jobs/{id}/items/i99");
        var job = await _client.PostAsJsonAsync("/api/jobs/P-9997/stages", new { name = "Polish" });

        await stage.ReadProblemAsync(HttpStatusCode.NotFound);
        await item.ReadProblemAsync(HttpStatusCode.NotFound);
        await job.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ItemsAreFixedOnceTheJobIsInProduction()
    {
        var id = await NewJobAsync();
        var added = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Material", description = "Silver", quantity = 3, unit = "g", unitCost = 1 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var itemId = (string)added["items"]![0]!["id"]!;
        await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" });
        var before = await app.SnapshotAsync();

        var edit = await _client.PatchJsonAsync($"/api/jobs/{id}/items/{itemId}", new { quantity = 4 });
        var add = await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Fee", description = "Rush", unitCost = 10 });

        Assert.Contains("fixed", (string)(await edit.ReadProblemAsync(HttpStatusCode.Conflict))["detail"]!);
        await add.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task AStaleETagOnAStageEditAnswers412()
    {
        var id = await NewJobAsync();
        var job = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name = "Polish" })).ReadJsonAsync(HttpStatusCode.Created);
        var stageId = (string)job["stages"]![0]!["id"]!;

        var response = await _client.PatchJsonAsync($"/api/jobs/{id}/stages/{stageId}", new { status = "Done" }, "\"0\"");

        var problem = await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Pending", (string)problem["current"]!["stages"]![0]!["status"]!);
    }
}
