using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using JewelBench.Core.History;
using JewelBench.Core.Stock;
using JewelBench.Functions.Jobs;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Tests.Shops;
using JewelBench.Functions.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Workflow;

/// <summary>The engine's promises held by real host processes: killed mid-operation, and two of them side by side.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ProcessTests(JewelBenchApp app)
{
    private const string Shop = "process-shop";

    private static readonly Dictionary<string, string> SlowSteps = new() { ["jewelbench__workflow__faults__stepDelay"] = "00:00:00.150" };

    /// <summary>An in-process host on the table that only writes (no consumers), to start operations and look at storage.</summary>
    private (WebApplicationFactory<Program> Host, string Table) Install()
    {
        var table = $"proc{Guid.NewGuid():N}"[..20];
        return (app.NewInstall(new() { ["jewelbench:storage:table"] = table, ["jewelbench:workflow:consumers"] = "0" }), table);
    }

    private static async Task<Operation> OperationAsync(WebApplicationFactory<Program> host, string id) =>
        (await host.Services.GetRequiredService<IShopTable>().GetAsync<Operation>(Shop, Keys.Operation(id)))!.Value;

    [Fact]
    public async Task ACloseOutAndAReopenKilledMidwayFinishExactlyOnceWhenTheHostComesBack()
    {
        var (install, table) = Install();
        await using var _ = install;
        var owner = await JewelBenchApp.OwnerClientAsync(install, Shop);
        var blobs = install.Services.GetRequiredService<IBlobStore>();
        var jobId = (string)(await app.CreateJobAsync(owner, "Fifty charms"))["id"]!;
        var photos = new MultipartFormDataContent();
        for (var i = 0; i < 3; i++) photos.Add(new ByteArrayContent(ShopLogoTests.Png), "photos", $"charm{i}.png");
        (await owner.PostAsync($"/api/jobs/{jobId}/photos", photos)).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync($"/api/jobs/{jobId}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        var completing = await owner.PostAsJsonAsync($"/api/jobs/{jobId}/complete", new { category = "Charms", quantity = 50, separateItems = true });
        var closeOut = (string)(await completing.ReadJsonAsync(HttpStatusCode.Accepted))["operation"]!["id"]!;

        await KillMidwayThenFinishAsync(install, table, closeOut);

        var pieces = (await install.Services.GetRequiredService<IShopTable>().QueryAsync<StockItem>(Shop, "stock|")).Select(s => s.Value.StockId).ToList();
        Assert.Equal(50, pieces.Count);
        foreach (var piece in pieces) Assert.Equal(3, (await blobs.ListAsync($"{Shop}/stock/{piece}/")).Count);
        Assert.Equal(150, (await blobs.ListAsync($"{Shop}/stock/")).Count);
        var history = await (await owner.GetAsync($"/api/jobs/{jobId}/history")).ReadArrayAsync();
        Assert.Single(history, e => (string)e!["action"]! == "Completed");
        Assert.Single(history, e => (string)e!["action"]! == "InventoryCreated");

        var reopening = await owner.PostAsJsonAsync($"/api/jobs/{jobId}/reopen", new { reason = "Wrong clasp on all of them" });
        var cleanup = (string)(await reopening.ReadJsonAsync(HttpStatusCode.Accepted))["operation"]!["id"]!;

        await KillMidwayThenFinishAsync(install, table, cleanup);

        Assert.Empty(await blobs.ListAsync($"{Shop}/stock/"));
        Assert.Equal(3, (await blobs.ListAsync($"{Shop}/jobs/{jobId}/")).Count);
        Assert.Single((await (await owner.GetAsync($"/api/jobs/{jobId}/history")).ReadArrayAsync()), e => (string)e!["action"]! == "Reopened");
    }

    /// <summary>Starts a host with slow steps, kills it once a few steps are done, starts a fresh one and waits for Succeeded.</summary>
    private async Task KillMidwayThenFinishAsync(WebApplicationFactory<Program> install, string table, string operationId)
    {
        await using (var doomed = await HostProcess.StartAsync(app.ConnectionString, table, SlowSteps))
        {
            await HostProcess.Until(async () => (await OperationAsync(install, operationId)).Done >= 3, TimeSpan.FromSeconds(60), "three steps done");
            await doomed.KillAsync();
        }
        var atKill = await OperationAsync(install, operationId);
        Assert.True(atKill.Done < atKill.Total, $"The host was killed after the operation finished ({atKill.Done}/{atKill.Total}).");

        await using var revived = await HostProcess.StartAsync(app.ConnectionString, table);
        await HostProcess.Until(async () => (await OperationAsync(install, operationId)).Status == OperationStatus.Succeeded,
            TimeSpan.FromSeconds(60), $"operation {operationId} to succeed");
    }

    [Fact]
    public async Task TwoHostProcessesDrainABacklogOf200OperationsAndRunEveryStepOnce()
    {
        var (install, table) = Install();
        await using var _ = install;
        var owner = await JewelBenchApp.OwnerClientAsync(install, Shop);
        var jobId = (string)(await app.CreateJobAsync(owner, "Backlog source"))["id"]!;
        var photos = new MultipartFormDataContent { { new ByteArrayContent(ShopLogoTests.Png), "photos", "one.png" } };
        var photoId = (string)(await (await owner.PostAsync($"/api/jobs/{jobId}/photos", photos)).ReadJsonAsync(HttpStatusCode.Created))["photos"]![0]!["id"]!;
        await using var first = await HostProcess.StartAsync(app.ConnectionString, table);
        await using var second = await HostProcess.StartAsync(app.ConnectionString, table);
        var operations = install.Services.GetRequiredService<Operations>();
        var started = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var piece = new StockItem { StockId = $"S-9{i:D4}", Sku = "backlog", Photos = [photoId] };
            started.Add((await operations.StartAsync(Shop, operations.New(CloseOut.Kind, jobId, [CloseOut.CopyStep(jobId, piece)], "tester"))).Id);
        }

        var shopTable = install.Services.GetRequiredService<IShopTable>();
        await HostProcess.Until(async () => (await shopTable.QueryAsync<Operation>(Shop, Keys.OperationPrefix))
            .Count(o => o.Value.Status == OperationStatus.Succeeded) == 200, TimeSpan.FromSeconds(120), "200 operations to succeed");

        var done = first.Output.Concat(second.Output).Select(l => StepDone().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(started.Order(), done.Order());
        Assert.Contains(first.Output, l => StepDone().IsMatch(l));
        Assert.Contains(second.Output, l => StepDone().IsMatch(l));
        Assert.Equal(200, (await install.Services.GetRequiredService<IBlobStore>().ListAsync($"{Shop}/stock/")).Count);
    }

    [GeneratedRegex(@"Operation (op-[0-9a-f]+) step copy-photos S-9\d{4} done")]
    private static partial Regex StepDone();
}
