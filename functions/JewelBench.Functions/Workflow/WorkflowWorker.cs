using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Workflow;

/// <summary>
/// The consumers of the work queue in this host instance. Instances compete for messages; a message is
/// hidden from the others while one works on it. At shutdown no new message is taken and the step in
/// flight is finished and saved.
/// </summary>
public sealed class WorkflowWorker(OperationExecutor executor, IOptions<WorkflowOptions> options, ILogger<WorkflowWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Consumers).Select(_ => ConsumeAsync(stopping)));

    private async Task ConsumeAsync(CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!await executor.RunOnceAsync(stopping)) await Task.Delay(options.Value.IdlePoll, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The workflow worker could not take or handle a message; trying again shortly");
                await Task.Delay(options.Value.IdlePoll, CancellationToken.None);
            }
        }
    }
}
