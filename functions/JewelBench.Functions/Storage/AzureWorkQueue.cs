using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Queue;
using Microsoft.WindowsAzure.Storage.RetryPolicies;

namespace JewelBench.Functions.Storage;

/// <summary>
/// An Azure Storage queue (or Azurite's) behind <see cref="IWorkQueue"/>. Messages live the queue's default
/// 7 days unless told otherwise, longer than the longest delay (<see cref="MaxDelay"/>) they can carry.
/// </summary>
public sealed class AzureWorkQueue : IWorkQueue
{
    private readonly CloudQueue _queue;
    private readonly TimeSpan? _timeToLive;

    public AzureWorkQueue(string connectionString, string name, TimeSpan maxDelay, TimeSpan? timeToLive = null)
    {
        var client = CloudStorageAccount.Parse(connectionString).CreateCloudQueueClient();
        client.DefaultRequestOptions = new QueueRequestOptions
        {
            RetryPolicy = new ExponentialRetry(TimeSpan.FromMilliseconds(200), 3),
            MaximumExecutionTime = TimeSpan.FromSeconds(30),
        };
        _queue = client.GetQueueReference(name);
        MaxDelay = maxDelay;
        _timeToLive = timeToLive;
    }

    public TimeSpan MaxDelay { get; }

    public Task CreateIfNotExistsAsync(CancellationToken ct) => _queue.CreateIfNotExistsAsync(null, null, ct);

    public Task SendAsync(string body, TimeSpan delay, CancellationToken ct = default) =>
        _queue.AddMessageAsync(new CloudQueueMessage(body), _timeToLive,
            delay <= TimeSpan.Zero ? null : (delay > MaxDelay ? MaxDelay : delay), null, null, ct);

    public async Task<QueueMessage?> ReceiveAsync(TimeSpan lease, CancellationToken ct = default)
    {
        var message = await _queue.GetMessageAsync(lease, null, null, ct);
        return message is null ? null : new QueueMessage(message.Id, message.PopReceipt, message.AsString, message.DequeueCount, message.ExpirationTime);
    }

    public Task DeleteAsync(QueueMessage message, CancellationToken ct = default) =>
        _queue.DeleteMessageAsync(message.Id, message.PopReceipt, null, null, ct);

    public async Task<QueueMessage> RenewAsync(QueueMessage message, TimeSpan lease, CancellationToken ct = default)
    {
        var cloud = new CloudQueueMessage(message.Id, message.PopReceipt);
        await _queue.UpdateMessageAsync(cloud, lease, MessageUpdateFields.Visibility, null, null, ct);
        return message with { PopReceipt = cloud.PopReceipt };
    }
}
