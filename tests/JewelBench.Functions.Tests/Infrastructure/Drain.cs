using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Tests.Infrastructure;

public static class Drain
{
    /// <summary>
    /// Handles work messages until none is visible (a test host runs no background consumer); returns how many ran.
    /// A timer not yet due is sent on along its chain and not counted; where a test sets the hops to zero it comes
    /// straight back, so once every waiting timer has gone round without anything else running, the queue is drained.
    /// </summary>
    public static async Task<int> DrainAsync(this OperationExecutor executor)
    {
        var (handled, waiting) = (0, new HashSet<string>());
        while (await executor.TakeOnceAsync() is { } taken)
        {
            if (!taken.TimerWaiting)
            {
                handled++;
                waiting.Clear();
            }
            else if (!waiting.Add(taken.OperationId!)) break;
        }
        return handled;
    }
}
