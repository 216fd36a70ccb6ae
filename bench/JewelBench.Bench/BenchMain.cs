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
        rows.AddRange(await DrainRowsAsync(floor.Value, rounds: 3));

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

    /// <summary>
    /// The drain rate of 1,000 queued operations with 1 and 2 host instances. Runs on a shared 2-core machine vary by
    /// ±15 %, so the configurations take turns for a few rounds and each row is their median.
    /// </summary>
    private static async Task<IEnumerable<BenchRow>> DrainRowsAsync(double floor, int rounds)
    {
        (int Instances, int Consumers)[] configurations = [(1, 2), (2, 2), (2, 1)];
        var rates = configurations.ToDictionary(c => c, _ => new List<double>());
        for (var round = 1; round <= rounds; round++)
            foreach (var (instances, consumers) in configurations)
            {
                Console.WriteLine($"Draining 1,000 queued operations, {instances} host instance(s) x {consumers} consumers, round {round} of {rounds}...");
                rates[(instances, consumers)].Add(await OnFreshAzuriteAsync(bench => bench.DrainRateAsync(1000, warmUp: 200, instances, consumers)));
            }

        var one = Median(rates[(1, 2)]);
        return configurations.Select(c =>
        {
            var rate = Median(rates[c]);
            var ratio = rate / floor;
            var perRound = string.Join(", ", rates[c].Select(r => $"{r:0}"));
            return c.Instances == 1
                ? new BenchRow($"Drain of 1000 queued operations, 1 host instance × {c.Consumers} consumers (median of {rounds})", rate, "op/s",
                    "≥ 0.5× floor", ratio >= 0.5, $"{ratio:0.00}× the floor; rounds {perRound} op/s; after 200 untimed warm-up operations")
                : new BenchRow($"Drain of 1000 queued operations, {c.Instances} host instances × {c.Consumers} consumers (median of {rounds})", rate, "op/s",
                    "≥ 0.5× floor, ≥ 1 instance", ratio >= 0.5 && rate >= one,
                    $"{ratio:0.00}× the floor; {rate / one:0.00}× the 1-instance rate; rounds {perRound} op/s");
        });
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Each measure on an empty emulator: Azurite in memory gets slower as it fills, which would favour the first.</summary>
    private static async Task<T> OnFreshAzuriteAsync<T>(Func<WorkflowBench, Task<T>> measure)
    {
        await using var azurite = await Azurite.StartAsync();
        return await measure(new WorkflowBench(azurite.ConnectionString));
    }
}
