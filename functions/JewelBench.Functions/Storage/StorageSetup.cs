namespace JewelBench.Functions.Storage;

/// <summary>Creates the table once at start-up, not per request.</summary>
public sealed class StorageSetup(AzureShopTable table, ILogger<StorageSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        logger.LogInformation("Storage table ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
