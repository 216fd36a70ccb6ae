namespace JewelBench.Functions.Storage;

/// <summary>Creates the table and the blob container once at start-up, not per request.</summary>
public sealed class StorageSetup(AzureShopTable table, AzureBlobStore blobs, ILogger<StorageSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        await blobs.CreateIfNotExistsAsync(cancellationToken);
        logger.LogInformation("Storage table and container ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
