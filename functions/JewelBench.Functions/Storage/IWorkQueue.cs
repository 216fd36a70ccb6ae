namespace JewelBench.Functions.Storage;

/// <summary>A message taken from a queue: invisible to others until deleted or its lease runs out.</summary>
public sealed record QueueMessage(string Id, string PopReceipt, string Body, int DequeueCount, DateTimeOffset? ExpiresAt = null);

/// <summary>
/// A storage queue with visibility delays: what the workflow engine runs on. A delivered message stays
/// hidden for the lease given; a worker that dies without deleting it lets it come back.
/// </summary>
public interface IWorkQueue
{
    /// <summary>The longest delay one message can carry (the queue's 7-day limit, less a margin).</summary>
    TimeSpan MaxDelay { get; }

    Task SendAsync(string body, TimeSpan delay, CancellationToken ct = default);
    Task<QueueMessage?> ReceiveAsync(TimeSpan lease, CancellationToken ct = default);
    Task DeleteAsync(QueueMessage message, CancellationToken ct = default);

    /// <summary>Keeps a message hidden for another lease while a long step runs; returns the new receipt.</summary>
    Task<QueueMessage> RenewAsync(QueueMessage message, TimeSpan lease, CancellationToken ct = default);
}
