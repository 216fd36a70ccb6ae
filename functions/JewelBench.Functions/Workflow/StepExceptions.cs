namespace JewelBench.Functions.Workflow;

/// <summary>A step failed and must not be tried again on its own: the operation is Failed at once, keeping its retry action.</summary>
public sealed class PermanentStepException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A step failed because a service asked to be left alone this long (429/503 Retry-After): the retry waits at least that.</summary>
public sealed class RetryAfterException(TimeSpan retryAfter, string message, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>A step that is not to run yet (a reminder for a snoozed job): the operation waits, as a durable timer, until then.</summary>
public sealed class StepDeferredException(DateTimeOffset until, string why) : Exception(why)
{
    public DateTimeOffset Until { get; } = until;
}
