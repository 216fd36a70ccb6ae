using System.Text.Json;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Bench;

/// <summary>./jewelbench bench: the workflow engine's figures against the storage floor, on its own in-memory Azurite.</summary>
public static class BenchMain
{
    public static async Task Main()
    {
        // The in-process host is made with WebApplicationFactory, which needs to be told where the app's files are.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_JEWELBENCH_FUNCTIONS",
            Path.Combine(Azurite.RepoRoot(), "functions", "JewelBench.Functions"));
        var rows = new List<BenchRow>();

        Console.WriteLine("Close-out of 50 separate pieces x 3 photos, 5 runs...");
        rows.Add(await OnFreshAzuriteAsync(bench => bench.CloseOutAsync(pieces: 50, photos: 3, runs: 5)));
        Console.WriteLine("Storage floor: 1,000 messages put, then taken and deleted by 4 concurrent loops...");
        var floor = await OnFreshAzuriteAsync(bench => bench.RawQueueAsync(1000, consumers: 4));
        rows.Add(floor);
        Console.WriteLine("Draining 1,000 queued operations with 1 host instance...");
        var one = await OnFreshAzuriteAsync(bench => bench.DrainAsync(1000, 1, floor.Value));
        rows.Add(one);
        Console.WriteLine("Draining 1,000 queued operations with 2 host instances...");
        rows.Add(await OnFreshAzuriteAsync(bench => bench.DrainAsync(1000, 2, floor.Value, one.Value)));
        Console.WriteLine("Draining 1,000 queued operations with 2 host instances of 1 consumer each (the same concurrency as one)...");
        rows.Add(await OnFreshAzuriteAsync(bench => bench.DrainAsync(1000, 2, floor.Value, one.Value, consumers: 1)));

        var root = Azurite.RepoRoot();
        Directory.CreateDirectory(Path.Combine(root, "bench"));
        var json = JsonSerializer.Serialize(new { measuredAt = DateTimeOffset.UtcNow, machine = $"{Environment.ProcessorCount} cores", rows },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        await File.WriteAllTextAsync(Path.Combine(root, "bench", "results.json"), json);
        var table = BenchRow.Markdown(rows);
        await File.WriteAllTextAsync(Path.Combine(root, "bench", "results.md"), "# Benchmark results\n\n" + table);
        Console.WriteLine();
        Console.WriteLine(table);
    }

    /// <summary>Each measure on an empty emulator: Azurite in memory gets slower as it fills, which would favour the first.</summary>
    private static async Task<BenchRow> OnFreshAzuriteAsync(Func<WorkflowBench, Task<BenchRow>> measure)
    {
        await using var azurite = await Azurite.StartAsync();
        return await measure(new WorkflowBench(azurite.ConnectionString));
    }
}
