using System.Text.Json.Nodes;

namespace JewelBench.Functions.Workflow;

/// <summary>Canceled: a later command made the rest of the work moot (a reopen of a close-out); it is never run or retried.</summary>
public enum OperationStatus { Pending, Running, Succeeded, Failed, Canceled }

/// <summary>One step of an operation: done once, checkpointed before the next begins.</summary>
public sealed class OperationStep
{
    public required string Name { get; init; }
    public JsonObject? Args { get; init; }
    public bool Done { get; set; }
}

/// <summary>
/// A durable operation: the record of long work in the shop's partition. The record, not the queue message,
/// is the truth: a message only says "look at this operation", so a late, early or repeated message is harmless.
/// </summary>
public sealed class Operation
{
    public required string Id { get; init; }
    public required string Kind { get; init; }

    /// <summary>The job (or other row) the operation works for, to show its progress there.</summary>
    public string? SubjectId { get; init; }
    public List<OperationStep> Steps { get; init; } = [];
    public OperationStatus Status { get; set; }

    /// <summary>A durable timer: the operation does not start before this instant.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Failed attempts since the last success or retry.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? FailedStep { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int Done => Steps.Count(s => s.Done);
    public int Total => Steps.Count;
    public bool IsFinished => Status is OperationStatus.Succeeded or OperationStatus.Failed or OperationStatus.Canceled;

    /// <summary>Stops an unfinished operation in the same transaction as the command that makes its remaining steps moot.</summary>
    public void Cancel(string why, DateTimeOffset at)
    {
        Status = OperationStatus.Canceled;
        (LastError, FinishedAt, UpdatedAt) = (why, at, at);
    }
}

/// <summary>What a queue message carries: where the record is.</summary>
public sealed record OperationMessage(string Shop, string OperationId);
