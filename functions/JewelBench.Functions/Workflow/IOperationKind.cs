namespace JewelBench.Functions.Workflow;

/// <summary>Where a step runs: the operation's shop and record. The engine keeps the message hidden while it runs.</summary>
public sealed record StepContext(string Shop, Operation Operation);

/// <summary>
/// A kind of operation (close-out photo copy, reopen clean-up, pickup email, reminder). Each step must be
/// idempotent: deterministic ids, conditional writes, copy-if-absent, because a step can run again after
/// a crash between doing its work and checkpointing it.
/// </summary>
public interface IOperationKind
{
    string Name { get; }

    Task RunStepAsync(StepContext context, OperationStep step, CancellationToken ct);
}
