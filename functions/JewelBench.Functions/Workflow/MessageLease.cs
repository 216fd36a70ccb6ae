namespace JewelBench.Functions.Workflow;

/// <summary>A taken message and its current pop receipt, renewed while a long step runs.</summary>
public sealed class MessageLease(IWorkQueue queue, QueueMessage message, TimeSpan lease)
{
    public QueueMessage Message { get; private set; } = message;

    /// <summary>Runs the work, renewing the message's invisibility every half lease so no other worker takes it meanwhile.</summary>
    public async Task KeepAliveWhile(Func<Task> work)
    {
        using var done = new CancellationTokenSource();
        var renewing = RenewUntilAsync(done.Token);
        try
        {
            await work();
        }
        finally
        {
            await done.CancelAsync();
            await renewing;
        }
    }

    public Task DeleteAsync() => queue.DeleteAsync(Message);

    /// <summary>Hands the message back: visible again after the delay.</summary>
    public async Task ReleaseAsync(TimeSpan delay) => Message = await queue.RenewAsync(Message, delay);

    private async Task RenewUntilAsync(CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 2, done);
                Message = await queue.RenewAsync(Message, lease, done);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
    }
}
