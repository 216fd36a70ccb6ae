using System.Text.Json;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Workflow;

/// <summary>
/// Runs the operation a message points at, from its first unfinished step: each step's completion is saved
/// (conditional on the record's ETag) before the next step begins, so after a crash the work resumes where it
/// stopped and a finished step is not run again. Failures retry with backoff and jitter, then poison.
/// </summary>
public sealed class OperationExecutor(IShopTable table, WorkQueues queues, IEnumerable<IOperationKind> kinds, TimeProvider clock,
    IOptions<WorkflowOptions> options, ILogger<OperationExecutor> logger)
{
    private readonly Dictionary<string, IOperationKind> _kinds = kinds.ToDictionary(k => k.Name);
    private WorkflowOptions Options => options.Value;

    /// <summary>Takes one message and handles it; false when the queue had none.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken stopping = default) => await TakeOnceAsync(stopping) is not null;

    /// <summary>Takes one message and handles it: what it was, or null when the queue had none.</summary>
    public async Task<MessageHandled?> TakeOnceAsync(CancellationToken stopping = default)
    {
        var message = await queues.Work.ReceiveAsync(Options.Lease, stopping);
        return message is null ? null : await HandleAsync(message, stopping);
    }

    /// <summary>
    /// When <paramref name="stopping"/> is cancelled (shutdown), the step in flight is finished and saved, and the
    /// message is handed back at once for another instance.
    /// </summary>
    public async Task<MessageHandled> HandleAsync(QueueMessage message, CancellationToken stopping)
    {
        var lease = new MessageLease(queues.Work, message, Options.Lease);
        if (Parse(message.Body) is not { } pointer)
        {
            logger.LogWarning("Dropped a work message that names no operation");
            await lease.DeleteAsync();
            return new MessageHandled(null, TimerWaiting: false);
        }
        var handled = new MessageHandled(pointer.OperationId, TimerWaiting: false);
        var stored = await table.GetAsync<Operation>(pointer.Shop, Keys.Operation(pointer.OperationId));
        if (stored is null)
        {
            await HandleOrphanAsync(lease, pointer);
            return handled;
        }
        var (operation, etag) = (stored.Value, stored.ETag);
        if (operation.IsFinished)
        {
            await lease.DeleteAsync();
            return handled;
        }
        if (operation.DueAt > clock.GetUtcNow())
        {
            await ChainTimerAsync(lease, pointer, operation, etag);
            return handled with { TimerWaiting = true };
        }
        if (!_kinds.TryGetValue(operation.Kind, out var kind))
        {
            await FailAsync(lease, pointer, operation, etag, "(start)", $"No worker knows operations of kind {operation.Kind}.", permanent: true);
            return handled;
        }
        await RunStepsAsync(lease, pointer, kind, operation, etag, stopping);
        return handled;
    }

    /// <summary>
    /// One table write per step: the first checkpoint also marks the operation Running, the last also marks it
    /// Succeeded, so a one-step operation costs a single write.
    /// </summary>
    private async Task RunStepsAsync(MessageLease lease, OperationMessage pointer, IOperationKind kind, Operation operation, string etag,
        CancellationToken stopping)
    {
        var startedAt = clock.GetUtcNow();
        foreach (var step in operation.Steps.Where(s => !s.Done).ToList())
        {
            if (stopping.IsCancellationRequested)
            {
                await lease.ReleaseAsync(TimeSpan.Zero);
                return;
            }
            try
            {
                await lease.KeepAliveWhile(async () =>
                {
                    await InjectFaultsAsync(step);
                    await kind.RunStepAsync(new StepContext(pointer.Shop, operation), step, CancellationToken.None);
                    if (Options.Faults.CheckpointDelay > TimeSpan.Zero) await Task.Delay(Options.Faults.CheckpointDelay);
                });
            }
            catch (StepDeferredException deferred)
            {
                logger.LogInformation("Operation {Operation} step {Step} waits until {Until}: {Why}", operation.Id, step.Name, deferred.Until, deferred.Message);
                operation.DueAt = deferred.Until;
                await ChainTimerAsync(lease, pointer, operation, etag);
                return;
            }
            catch (Exception e)
            {
                await FailAsync(lease, pointer, operation, etag, step.Name, e.Message, permanent: e is PermanentStepException,
                    (e as RetryAfterException)?.RetryAfter);
                return;
            }
            step.Done = true;
            MarkProgress(operation, startedAt);
            if (await SaveAsync(pointer.Shop, operation, etag) is not { } saved) return;
            etag = saved;
            logger.LogInformation("Operation {Operation} step {Step} done ({Done}/{Total})", operation.Id, step.Name, operation.Done, operation.Total);
        }
        if (operation.Status != OperationStatus.Succeeded)
        {
            MarkProgress(operation, startedAt);
            if (await SaveAsync(pointer.Shop, operation, etag) is null) return;
        }
        await lease.DeleteAsync();
    }

    private void MarkProgress(Operation operation, DateTimeOffset startedAt)
    {
        operation.StartedAt ??= startedAt;
        if (operation.Done < operation.Total)
        {
            operation.Status = OperationStatus.Running;
            return;
        }
        operation.Status = OperationStatus.Succeeded;
        operation.FinishedAt = clock.GetUtcNow();
        operation.Attempts = 0;
        (operation.LastError, operation.FailedStep) = (null, null);
    }

    private async Task InjectFaultsAsync(OperationStep step)
    {
        var faults = Options.Faults;
        if (faults.StepDelay > TimeSpan.Zero) await Task.Delay(faults.StepDelay);
        if (faults.FailStepsStartingWith is { Length: > 0 } prefix && step.Name.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"Fault injected into step {step.Name}.");
    }

    /// <summary>
    /// One failed attempt: retried after a growing, jittered delay (or the service's Retry-After when longer), or, at
    /// the last attempt or on a permanent failure, Failed and poisoned.
    /// </summary>
    private async Task FailAsync(MessageLease lease, OperationMessage pointer, Operation operation, string etag, string step, string error,
        bool permanent, TimeSpan? retryAfter = null)
    {
        operation.Attempts++;
        operation.LastError = error.Length > 500 ? error[..500] : error;
        operation.FailedStep = step;
        var giveUp = permanent || operation.Attempts >= Options.MaxAttempts;
        var delay = giveUp ? TimeSpan.Zero : Backoff(operation.Attempts);
        if (giveUp)
        {
            operation.Status = OperationStatus.Failed;
            operation.FinishedAt = clock.GetUtcNow();
        }
        else if (retryAfter > delay)
        {
            // A durable timer, so that a message that shows up early (or a retry on another instance) still waits.
            operation.DueAt = clock.GetUtcNow() + retryAfter.Value;
            delay = retryAfter.Value < Options.MaxTimerDelay ? retryAfter.Value : Options.MaxTimerDelay;
        }
        if (await SaveAsync(pointer.Shop, operation, etag) is null) return;
        if (giveUp)
        {
            logger.LogError("Operation {Operation} ({Kind}) failed at {Step} after {Attempts} attempts: {Error}",
                operation.Id, operation.Kind, step, operation.Attempts, operation.LastError);
            await queues.Poison.SendAsync(Operations.Message(pointer.Shop, operation.Id), TimeSpan.Zero);
        }
        else
        {
            logger.LogWarning("Operation {Operation} ({Kind}) attempt {Attempts} failed at {Step}: {Error}",
                operation.Id, operation.Kind, operation.Attempts, step, operation.LastError);
            await queues.Work.SendAsync(Operations.Message(pointer.Shop, operation.Id), delay);
        }
        await lease.DeleteAsync();
    }

    /// <summary>Base × 2^(attempt-1), capped, plus up to 20% jitter so that retries of many operations spread out.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var delay = Options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        if (delay > Options.RetryMaxDelay) delay = Options.RetryMaxDelay;
        return delay + delay * (Random.Shared.NextDouble() * 0.2);
    }

    /// <summary>A timer not yet due: the next message of the chain, then the record touched so the sweep knows the chain lives.</summary>
    private async Task ChainTimerAsync(MessageLease lease, OperationMessage pointer, Operation operation, string etag)
    {
        var wait = operation.DueAt!.Value - clock.GetUtcNow();
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        await queues.Work.SendAsync(Operations.Message(pointer.Shop, operation.Id), wait < Options.MaxTimerDelay ? wait : Options.MaxTimerDelay);
        await SaveAsync(pointer.Shop, operation, etag);
        await lease.DeleteAsync();
    }

    /// <summary>A message without its record: the record may still be on its way; after a few looks it is dropped.</summary>
    private async Task HandleOrphanAsync(MessageLease lease, OperationMessage pointer)
    {
        if (lease.Message.DequeueCount >= Options.OrphanDeliveries)
        {
            logger.LogWarning("Dropped the message of operation {Operation}: no such record in shop {Shop}", pointer.OperationId, pointer.Shop);
            await lease.DeleteAsync();
        }
        else await lease.ReleaseAsync(Options.RetryBaseDelay);
    }

    /// <summary>The record's new ETag, or null when another worker changed it first (this message then lets go).</summary>
    private async Task<string?> SaveAsync(string shop, Operation operation, string etag)
    {
        operation.UpdatedAt = clock.GetUtcNow();
        try
        {
            return (await table.CommitAsync(shop, [new TableWrite.Replace(Keys.Operation(operation.Id), operation, etag)]))[0];
        }
        catch (ConcurrencyException)
        {
            logger.LogInformation("Operation {Operation} was changed by another worker; leaving it to that one", operation.Id);
            return null;
        }
    }

    private static OperationMessage? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<OperationMessage>(body) is { Shop.Length: > 0 } pointer
                   && pointer.OperationId?.StartsWith("op-", StringComparison.Ordinal) == true
                   && pointer.OperationId.Length <= 40 && pointer.OperationId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                ? pointer
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A message handled: the operation it named, and whether that was a timer not yet due, sent on along its chain.</summary>
public sealed record MessageHandled(string? OperationId, bool TimerWaiting);
