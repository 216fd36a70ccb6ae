namespace JewelBench.Functions.Storage;

/// <summary>Creates the table, the blob container and the queues once at start-up, not per request.</summary>
public sealed class StorageSetup(AzureShopTable table, AzureBlobStore blobs, Workflow.WorkQueues queues, ILogger<StorageSetup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        await blobs.CreateIfNotExistsAsync(cancellationToken);
        await queues.CreateIfNotExistsAsync(cancellationToken);
        logger.LogInformation("Storage table, container and queues ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
