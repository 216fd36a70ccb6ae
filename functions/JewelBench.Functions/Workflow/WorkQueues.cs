using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Workflow;

/// <summary>The install's work queue and its poison queue.</summary>
public sealed class WorkQueues(IOptions<StorageOptions> storage, IOptions<WorkflowOptions> workflow)
{
    public AzureWorkQueue Work { get; } = new(storage.Value.ConnectionString, storage.Value.WorkQueue, workflow.Value.MaxTimerDelay);

    /// <summary>Poison messages expire: the Failed operation record, not the message, is what the app shows and retries.</summary>
    public AzureWorkQueue Poison { get; } = new(storage.Value.ConnectionString, storage.Value.PoisonQueue, TimeSpan.Zero,
        workflow.Value.PoisonTimeToLive);

    public async Task CreateIfNotExistsAsync(CancellationToken ct)
    {
        await Work.CreateIfNotExistsAsync(ct);
        await Poison.CreateIfNotExistsAsync(ct);
    }
}
