using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Processes;

[Collection(AppCollection.Name)]
public sealed class ProcessesApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("bench", Role.Staff);

    private static readonly object[] CastingLine =
    [
        new { name = "Casting", vendor = "Acme Casting", vendorKind = "Outside", cost = 60, durationDays = 5 },
        new { name = "Setting", cost = 40, durationDays = 2 },
        new { name = "Polish", cost = 15 },
    ];

    private async Task<JsonObject> CreateAsync(string name, object[]? stages = null) =>
        await (await _client.PostAsJsonAsync("/api/processes", new { name, stages = stages ?? CastingLine })).ReadJsonAsync(HttpStatusCode.Created);

    private static string[] Names(JsonNode? stages) => stages!.AsArray().Select(s => (string)s!["name"]!).ToArray();

    [Fact]
    public async Task StaffCreateAProcessThatIsListedByNameAndReadBack()
    {
        var response = await _client.PostAsJsonAsync("/api/processes", new { name = "Zircon line", stages = CastingLine });
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        await CreateAsync("Avocado line", [new { name = "Wax carving" }]);

        var id = (string)created["id"]!;
        Assert.StartsWith("p-", id);
        Assert.Equal($"/api/processes/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        var read = await (await _client.GetAsync($"/api/processes/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Casting", "Setting", "Polish"], Names(read["stages"]));
        Assert.Equal(("Acme Casting", "Outside", 60m, 5), ((string)read["stages"]![0]!["vendor"]!, (string)read["stages"]![0]!["vendorKind"]!,
            (decimal)read["stages"]![0]!["cost"]!, (int)read["stages"]![0]!["durationDays"]!));
        Assert.Null(read["stages"]![2]!["durationDays"]);
        Assert.True((bool)read["active"]!);
        Assert.Equal("bench", (string)read["createdBy"]!);
        var names = (await (await _client.GetAsync("/api/processes")).ReadArrayAsync()).Select(p => (string)p!["name"]!).ToList();
        Assert.Equal(names.Order(StringComparer.CurrentCultureIgnoreCase), names);
        Assert.Contains("Zircon line", names);
    }

    [Fact]
    public async Task BadFieldsAreNamedByStageAndNothingIsWritten()
    {
        var before = await app.SnapshotAsync();

        var bad = await _client.PostAsJsonAsync("/api/processes", new
        {
            name = "",
            stages = new object[] { new { name = "" }, new { name = "Polish", cost = -1, durationDays = 400 } },
        });
        var wrongType = await _client.PostAsJsonAsync("/api/processes", new { name = "Odd", stages = new[] { new { name = "Polish", vendorKind = "Martian" } } });
        var tooMany = await _client.PostAsJsonAsync("/api/processes", new { name = "Long", stages = Enumerable.Range(1, 31).Select(i => new { name = $"S{i}" }) });
        var none = await _client.PostAsJsonAsync("/api/processes", new { name = "Nothing" });

        await bad.ReadProblemAsync(HttpStatusCode.BadRequest, "name", "stages[0].name", "stages[1].cost", "stages[1].durationDays");
        await wrongType.ReadProblemAsync(HttpStatusCode.BadRequest, "stages[0].vendorKind");
        await tooMany.ReadProblemAsync(HttpStatusCode.BadRequest, "stages");
        await none.ReadProblemAsync(HttpStatusCode.BadRequest, "stages");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task EditingRenamesReordersAndRetiresWithHistory()
    {
        var created = await CreateAsync("Bezel line");
        var id = (string)created["id"]!;
        var stages = created["stages"]!.AsArray();

        var reordered = await (await _client.PatchJsonAsync($"/api/processes/{id}",
            new { name = "Bezel line, set first", stages = new[] { stages[1], stages[0], stages[2] }, reason = "Set before casting" }, "\"1\""))
            .ReadJsonAsync(HttpStatusCode.OK);
        var stale = await _client.PatchJsonAsync($"/api/processes/{id}", new { active = false }, "\"1\"");
        var retired = await (await _client.PatchJsonAsync($"/api/processes/{id}", new { active = false }, "\"2\"")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["Setting", "Casting", "Polish"], Names(reordered["stages"]));
        Assert.Equal(2, (int)reordered["version"]!);
        var conflict = await stale.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Bezel line, set first", (string)conflict["current"]!["name"]!);
        Assert.False((bool)retired["active"]!);
        var history = await (await _client.GetAsync($"/api/processes/{id}/history")).ReadArrayAsync();
        Assert.Equal(["Created", "Edited", "Edited", "Edited"], history.Select(e => (string)e!["action"]!));
        Assert.Contains(history, e => (string?)e!["field"] == "name" && (string)e["from"]! == "Bezel line"
            && (string)e["to"]! == "Bezel line, set first" && (string)e["reason"]! == "Set before casting" && (string)e["by"]! == "bench");
        Assert.Contains(history, e => (string?)e!["field"] == "stages" && (string)e["summary"]! == "Stages reordered"
            && ((string)e["from"]!).StartsWith("Casting (") && ((string)e["to"]!).StartsWith("Setting ("));
        Assert.Contains(history, e => (string?)e!["field"] == "active" && (string)e["to"]! == "no");
    }

    [Fact]
    public async Task AJobStartedFromAProcessCopiesItsStagesWithDueDatesAndNamesTheProcess()
    {
        var process = await CreateAsync("Signet line");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        var job = await app.CreateJobAsync(_client, "Signet from a process", new { processId = (string)process["id"]! });

        Assert.Equal(["Casting", "Setting", "Polish"], Names(job["stages"]));
        Assert.Equal([today.AddDays(5).ToString("yyyy-MM-dd"), today.AddDays(7).ToString("yyyy-MM-dd"), null],
            job["stages"]!.AsArray().Select(s => (string?)s!["dueDate"]));
        Assert.Equal(("Outside", 60m, "Pending"), ((string)job["stages"]![0]!["vendorKind"]!, (decimal)job["stages"]![0]!["cost"]!,
            (string)job["stages"]![0]!["status"]!));
        Assert.Equal(((string)process["id"]!, "Signet line", 1),
            ((string)job["process"]!["id"]!, (string)job["process"]!["name"]!, (int)job["process"]!["version"]!));
        var stored = await (await _client.GetAsync($"/api/jobs/{job["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Casting", "Setting", "Polish"], Names(stored["stages"]));
        var history = await (await _client.GetAsync($"/api/jobs/{job["id"]}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string)e!["action"]! == "StagesFromProcess" && (string)e["to"]! == "Signet line (v1)");
    }

    [Fact]
    public async Task EditingAProcessLeavesJobsStartedFromItAsTheyWere()
    {
        var process = await CreateAsync("Pendant line");
        var processId = (string)process["id"]!;
        var job = await app.CreateJobAsync(_client, "Pendant", new { processId });
        var jobId = (string)job["id"]!;

        (await _client.PatchJsonAsync($"/api/processes/{processId}",
            new { name = "Pendant line 2", stages = new[] { new { name = "Engraving", cost = 99 } } })).EnsureSuccessStatusCode();
        (await _client.PatchJsonAsync($"/api/processes/{processId}", new { active = false })).EnsureSuccessStatusCode();

        var stored = await (await _client.GetAsync($"/api/jobs/{jobId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(job["stages"]!.ToJsonString(), stored["stages"]!.ToJsonString());
        Assert.Equal(("Pendant line", 1), ((string)stored["process"]!["name"]!, (int)stored["process"]!["version"]!));
        Assert.Equal(job["version"]!.ToJsonString(), stored["version"]!.ToJsonString());
    }

    [Fact]
    public async Task AnUnknownOrRetiredProcessIsRefusedOnTheProcessIdAndNothingIsWritten()
    {
        var retired = (string)(await CreateAsync("Retired line"))["id"]!;
        (await _client.PatchJsonAsync($"/api/processes/{retired}", new { active = false })).EnsureSuccessStatusCode();
        var job = await app.CreateJobAsync(_client, "Open job");
        var before = await app.SnapshotAsync();

        foreach (var processId in new[] { "p-000000000000", retired, "not/an id" })
        {
            var create = await _client.PostAsJsonAsync("/api/jobs", new { description = "From nowhere", processId });
            var append = await _client.PostAsJsonAsync($"/api/jobs/{job["id"]}/stages/from-process", new { processId });
            await create.ReadProblemAsync(HttpStatusCode.BadRequest, "processId");
            await append.ReadProblemAsync(HttpStatusCode.BadRequest, "processId");
        }

        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task AnOpenJobIsGivenAProcesssStagesAfterItsOwn()
    {
        var processId = (string)(await CreateAsync("Finishing", [new { name = "Polish", cost = 15, durationDays = 1 }, new { name = "QC" }]))["id"]!;
        var job = await app.CreateJobAsync(_client, "Band");
        (await _client.PostAsJsonAsync($"/api/jobs/{job["id"]}/stages", new { name = "Design" })).EnsureSuccessStatusCode();

        var response = await _client.PostAsJsonAsync($"/api/jobs/{job["id"]}/stages/from-process", new { processId });

        var updated = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["Design", "Polish", "QC"], Names(updated["stages"]));
        Assert.Null(updated["process"]);
        var stored = await (await _client.GetAsync($"/api/jobs/{job["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Design", "Polish", "QC"], Names(stored["stages"]));
        Assert.Equal(15m, (decimal)stored["costs"]!["stagesPlanned"]!);
    }

    [Fact]
    public async Task AClosedJobIsNotGivenAProcesssStages()
    {
        var processId = (string)(await CreateAsync("Late line"))["id"]!;
        var job = await app.CreateJobAsync(_client, "Canceled band");
        (await _client.PostAsJsonAsync($"/api/jobs/{job["id"]}/transitions", new { to = "Canceled", reason = "Customer changed mind" })).EnsureSuccessStatusCode();
        var before = await app.SnapshotAsync();

        var response = await _client.PostAsJsonAsync($"/api/jobs/{job["id"]}/stages/from-process", new { processId });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task AnUnknownProcessIs404()
    {
        var get = await _client.GetAsync("/api/processes/p-000000000000");
        var edit = await _client.PatchJsonAsync("/api/processes/p-000000000000", new { name = "Ghost" });
        var history = await _client.GetAsync("/api/processes/p-000000000000/history");

        await get.ReadProblemAsync(HttpStatusCode.NotFound);
        await edit.ReadProblemAsync(HttpStatusCode.NotFound);
        await history.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
