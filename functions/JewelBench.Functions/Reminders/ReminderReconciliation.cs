using JewelBench.Core.Board;
using JewelBench.Functions.Shops;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Reminders;

/// <summary>
/// On a schedule, arms the reminder timer of every job on a board that lacks one — imported or restored data, jobs seeded
/// before reminders existed, a timer lost between its record and its message long ago — and the shop's next daily
/// digest, should a failed run have broken its chain. One instance at a time runs it,
/// under a blob lease; two at once would only arm the same timers twice, which is harmless (the ids are deterministic).
/// </summary>
public sealed class ReminderReconciliation(IShopTable table, IBlobStore blobs, ReminderTimers timers, DailyDigestTimers digests,
    IOptions<ReminderOptions> options, IOptions<StorageOptions> storage, ILogger<ReminderReconciliation> logger) : BackgroundService
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(60);

    /// <summary>The install's lock: its table names the install, as several installs may share a storage account.</summary>
    public string LockBlob { get; } = BlobNames.Lock($"{storage.Value.Table}-reminder-reconciliation");

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ReconcileInterval, stopping);
                if (await RunOnceAsync(stopping) is > 0 and var armed) logger.LogInformation("Reminder reconciliation armed {Armed} timers", armed);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The reminder reconciliation failed; it runs again at the next interval");
            }
        }
    }

    /// <summary>How many timers were armed; null when another instance holds the lease and runs it now.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken ct = default)
    {
        if (await blobs.TryLeaseAsync(LockBlob, LeaseTime, ct) is not { } lease) return null;
        try
        {
            var armed = 0;
            foreach (var shop in await table.QueryAsync<ShopIndexEntry>(Keys.Install, Keys.ShopIndexPrefix, ct))
            {
                armed += await ReconcileShopAsync(shop.Value.ShopId, ct);
                await digests.ArmAsync(shop.Value.ShopId, ct);
            }
            return armed;
        }
        finally
        {
            await blobs.ReleaseLeaseAsync(LockBlob, lease, CancellationToken.None);
        }
    }

    /// <summary>Only jobs on the board can be stuck, so the cards say which jobs to look at: one range query and a point read each.</summary>
    private async Task<int> ReconcileShopAsync(string shopId, CancellationToken ct)
    {
        var shop = await timers.ShopAsync(shopId, ct);
        var armed = 0;
        foreach (var card in await table.QueryAsync<BoardCard>(shopId, Keys.CardPrefix, ct))
        {
            if ((await table.GetAsync<Job>(shopId, Keys.Job(card.Value.JobId), ct))?.Value is not { } job) continue;
            if (timers.Next(job, shop, StuckReminder.By) is not { } timer) continue;
            if (await table.GetAsync<Operation>(shopId, Keys.Operation(timer.Id), ct) is not null) continue;
            await table.CommitAsync(shopId, [ReminderTimers.Write(timer)], ct);
            await timers.EnqueueAsync(shopId, timer, ct);
            armed++;
        }
        return armed;
    }
}
