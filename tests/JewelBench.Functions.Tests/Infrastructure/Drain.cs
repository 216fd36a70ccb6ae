using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Tests.Infrastructure;

public static class Drain
{
    /// <summary>Handles work messages until none is visible (a test host runs no background consumer); returns how many.</summary>
    public static async Task<int> DrainAsync(this OperationExecutor executor)
    {
        var handled = 0;
        while (await executor.RunOnceAsync()) handled++;
        return handled;
    }
}
