namespace JewelBench.Functions.Reminders;

/// <summary>
/// At start, arms the next digest of every shop that has none (a new install, a restore, a chain broken by a failed run);
/// a new shop is armed when it is created. Arming is idempotent, so every instance may do it.
/// </summary>
public sealed class DailyDigestArming(DailyDigestTimers timers, ILogger<DailyDigestArming> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            var shops = await timers.ArmAllAsync(ct);
            logger.LogInformation("Daily digests armed for {Shops} shops", shops);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not arm the shops' daily digests; they are armed at the next start");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
