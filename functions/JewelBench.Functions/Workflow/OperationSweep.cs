using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Workflow;

/// <summary>
/// Visits every shop's operations on a schedule: an unfinished one that nothing has touched for a while (its
/// message was lost, or the process died between the record and the message) gets a new message, so no
/// operation stays Pending or Running with nothing to run it; finished ones past retention are deleted in
/// bounded batches. Running it on several instances at once only sends harmless duplicate messages.
/// </summary>
public sealed class OperationSweep(IShopTable table, Operations operations, TimeProvider clock, IOptions<WorkflowOptions> options,
    ILogger<OperationSweep> logger) : BackgroundService
{
    private const int PurgeBatch = 100;

    public sealed record Result(int Requeued, int Purged);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.SweepInterval, stopping);
                var result = await RunOnceAsync(stopping);
                if (result.Requeued + result.Purged > 0)
                    logger.LogInformation("Operations sweep re-sent {Requeued} and purged {Purged}", result.Requeued, result.Purged);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The operations sweep failed; it runs again at the next interval");
            }
        }
    }

    public async Task<Result> RunOnceAsync(CancellationToken ct = default)
    {
        var (requeued, purged) = (0, 0);
        foreach (var shop in await table.QueryAsync<Shops.ShopIndexEntry>(Keys.Install, Keys.ShopIndexPrefix, ct))
        {
            var shopId = shop.Value.ShopId;
            var all = await table.QueryAsync<Operation>(shopId, Keys.OperationPrefix, ct);
            foreach (var stale in all.Select(o => o.Value).Where(IsStale))
            {
                await operations.EnqueueAsync(shopId, stale, ct);
                requeued++;
            }
            var expired = all.Where(o => o.Value.IsFinished && o.Value.FinishedAt < clock.GetUtcNow() - options.Value.Retention)
                .Take(PurgeBatch).Select(o => (TableWrite)new TableWrite.Delete(o.RowKey, o.ETag)).ToList();
            if (expired.Count == 0) continue;
            try
            {
                await table.CommitAsync(shopId, expired, ct);
                purged += expired.Count;
            }
            catch (ConcurrencyException)
            {
                // One of them changed meanwhile (a Retry): the next sweep looks again.
            }
        }
        return new Result(requeued, purged);
    }

    /// <summary>A timer's chain touches its record once per hop, so it is stale only after a whole hop plus the margin.</summary>
    private bool IsStale(Operation operation)
    {
        if (operation.IsFinished) return false;
        var now = clock.GetUtcNow();
        var quiet = options.Value.StaleAfter + (operation.DueAt > now ? options.Value.MaxTimerDelay : TimeSpan.Zero);
        return now - operation.UpdatedAt > quiet;
    }
}
