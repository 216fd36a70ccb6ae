using JewelBench.Functions.Hosting;
using JewelBench.Functions.Jobs;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Demo;

/// <summary>
/// On first run of `./jewelbench start`, fills the demo shop with jobs in every lane a production job
/// can be in, written through the same domain rules and transactions as the API's.
/// </summary>
public sealed class DemoShopSeeder(IShopTable table, TimeProvider clock, IOptions<JewelBenchOptions> options,
    ILogger<DemoShopSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var shop = options.Value.DefaultShop;
        if (!options.Value.SeedDemoShop || await table.GetAsync<Counters.Counter>(shop, Keys.Counter("job-P"), ct) is not null)
            return;

        var now = clock.GetUtcNow();
        var jobs = DemoJobs.Build(now).ToList();
        var pieces = jobs.SelectMany(j => j.Pieces).ToList();
        foreach (var (job, jobPieces) in jobs)
        {
            var writes = JobCommands.NewJobWrites(job)
                .Concat(jobPieces.SelectMany(p => RecordedWrites.Insert(Keys.Stock(p.StockId), p.StockId, p))).ToList();
            await table.CommitAsync(shop, writes, ct);
        }
        await table.CommitAsync(shop, [
            new TableWrite.Insert(Keys.Counter("job-P"), new Counters.Counter(jobs.Count)),
            new TableWrite.Insert(Keys.Counter("stock"), new Counters.Counter(pieces.Count)),
        ], ct);
        logger.LogInformation("Seeded demo shop {Shop} with {Jobs} jobs and {Pieces} stock items", shop, jobs.Count, pieces.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
