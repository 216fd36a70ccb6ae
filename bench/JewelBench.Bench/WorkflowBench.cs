using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Core.Stock;
using JewelBench.Functions.Jobs;
using JewelBench.Functions.Shops;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Workflow;
using JewelBench.Functions.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Bench;

/// <summary>
/// The workflow engine measured with real host processes: an in-process host (no consumers) writes the work,
/// separate host processes do it, as in production.
/// </summary>
public sealed class WorkflowBench(string connectionString)
{
    private const string Shop = "bench-shop";
    private const string Password = "bench-password-1";
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public async Task<BenchRow> CloseOutAsync(int pieces, int photos, int runs)
    {
        var (writer, table) = Install();
        await using var _ = writer;
        var client = await OwnerAsync(writer);
        await using var host = await HostProcess.StartAsync(connectionString, table);
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var id = (string)(await Json(await client.PostAsJsonAsync("/api/jobs", new { description = $"Bench close-out {run}" })))["id"]!;
            var form = new MultipartFormDataContent();
            for (var p = 0; p < photos; p++) form.Add(new ByteArrayContent(Png), "photos", $"p{p}.png");
            await Json(await client.PostAsync($"/api/jobs/{id}/photos", form));
            await Json(await client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" }));

            var clock = Stopwatch.StartNew();
            var job = await Json(await client.PostAsJsonAsync($"/api/jobs/{id}/complete", new { category = "Bench", quantity = pieces, separateItems = true }));
            await UntilSucceededAsync(writer, (string)job["operation"]!["id"]!);
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        var median = timings[timings.Count / 2];
        return new BenchRow($"Close-out, {pieces} separate pieces × {photos} photos: complete → Succeeded (median of {runs})", median, "ms",
            "≤ 3000 ms", median <= 3000, $"min {timings[0]:0} ms, max {timings[^1]:0} ms; one host process, 2 consumers");
    }

    /// <summary>The floor: the same queue work with no app code — put every message, then take and delete them.</summary>
    public async Task<BenchRow> RawQueueAsync(int messages, int consumers)
    {
        var queue = new AzureWorkQueue(connectionString, $"floor{Guid.NewGuid():N}"[..20], TimeSpan.FromDays(6));
        await queue.CreateIfNotExistsAsync(default);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = consumers },
            async (i, ct) => await queue.SendAsync($"{{\"n\":{i}}}", TimeSpan.Zero, ct));
        var taken = 0;
        await Task.WhenAll(Enumerable.Range(0, consumers).Select(async _ =>
        {
            while (Volatile.Read(ref taken) < messages)
            {
                if (await queue.ReceiveAsync(TimeSpan.FromSeconds(30)) is not { } message) continue;
                await queue.DeleteAsync(message);
                Interlocked.Increment(ref taken);
            }
        }));
        var rate = messages / clock.Elapsed.TotalSeconds;
        return new BenchRow($"Storage floor: queue put + get + delete, {messages} messages, {consumers} loops", rate, "msg/s", "—", null);
    }

    /// <summary>
    /// A backlog of one-step operations (each copies a photo), drained by host processes started once it is queued.
    /// The first <paramref name="warmUp"/> operations are not timed: hosts run for days, so the steady rate is what
    /// matters, not how fast a just-started process compiles its code.
    /// </summary>
    public async Task<double> DrainRateAsync(int operations, int warmUp, int instances, int consumers)
    {
        var (writer, table) = Install();
        await using var _ = writer;
        var client = await OwnerAsync(writer);
        var jobId = (string)(await Json(await client.PostAsJsonAsync("/api/jobs", new { description = "Backlog source" })))["id"]!;
        var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "photos", "one.png" } };
        var photoId = (string)(await Json(await client.PostAsync($"/api/jobs/{jobId}/photos", form)))["photos"]![0]!["id"]!;
        var starter = writer.Services.GetRequiredService<Operations>();
        var total = warmUp + operations;
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var piece = new StockItem { StockId = $"S-{i:D5}", Sku = "bench", Photos = [photoId] };
            await starter.StartAsync(Shop, starter.New(CloseOut.Kind, jobId, [CloseOut.CopyStep(jobId, piece)], "bench"), ct);
        });

        var settings = new Dictionary<string, string> { ["jewelbench__workflow__consumers"] = consumers.ToString() };
        var hosts = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => HostProcess.StartAsync(connectionString, table, settings)));
        try
        {
            int Done() => hosts.Sum(h => h.Output.Count(l => l.Contains("step copy-photos", StringComparison.Ordinal) && l.Contains(" done (")));
            await HostProcess.Until(() => Task.FromResult(Done() >= warmUp), TimeSpan.FromMinutes(5), "the warm-up operations");
            var start = Done();
            var clock = Stopwatch.StartNew();
            await HostProcess.Until(() => Task.FromResult(Done() >= total), TimeSpan.FromMinutes(10), "the backlog to drain");
            return (total - start) / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    private (WebApplicationFactory<Program> Writer, string Table) Install()
    {
        var table = $"bench{Guid.NewGuid():N}"[..20];
        var writer = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = connectionString,
                ["jewelbench:storage:table"] = table,
                ["jewelbench:workflow:consumers"] = "0",
            })));
        return (writer, table);
    }

    private static async Task<HttpClient> OwnerAsync(WebApplicationFactory<Program> writer)
    {
        await writer.Services.GetRequiredService<ShopProvisioning>().CreateShopAsync(Shop,
            new ShopDetails("Bench Jewelers", "", "UTC", "USD", 0), new NewUser("Bench Owner", "owner@bench.test", Role.Owner), Password, default);
        var client = writer.CreateClient();
        await Json(await client.PostAsJsonAsync("/api/auth/sign-in", new { email = "owner@bench.test", password = Password }));
        return client;
    }

    private static async Task UntilSucceededAsync(WebApplicationFactory<Program> writer, string operationId)
    {
        var table = writer.Services.GetRequiredService<IShopTable>();
        while ((await table.GetAsync<Operation>(Shop, Keys.Operation(operationId)))!.Value.Status != OperationStatus.Succeeded)
            await Task.Delay(5);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
