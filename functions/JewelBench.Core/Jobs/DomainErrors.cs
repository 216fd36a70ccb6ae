namespace JewelBench.Core.Jobs;

/// <summary>Bad input: each field with the reasons it was refused.</summary>
public sealed class ValidationFailedException(IDictionary<string, string[]> errors)
    : Exception("The request has invalid fields.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] });
}

/// <summary>A command that the job's current state does not allow.</summary>
public sealed class RuleConflictException(string detail, IReadOnlyList<string>? allowed = null,
    IReadOnlyList<string>? blockers = null) : Exception(detail)
{
    public IReadOnlyList<string> Allowed { get; } = allowed ?? [];
    public IReadOnlyList<string> Blockers { get; } = blockers ?? [];
}

/// <summary>A stage, item or piece that the request names but the job does not have.</summary>
public sealed class NotFoundException(string detail) : Exception(detail);
