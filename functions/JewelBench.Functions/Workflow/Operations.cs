using System.Text.Json;

namespace JewelBench.Functions.Workflow;

/// <summary>
/// Starts operations. The record is written in the command's own table transaction (<see cref="RecordWrite"/>),
/// then the message is sent (<see cref="EnqueueAsync"/>). If the process dies in between, the sweep finds the
/// record and sends the message.
/// </summary>
public sealed class Operations(IShopTable table, WorkQueues queues, TimeProvider clock)
{
    public Operation New(string kind, string? subjectId, IEnumerable<OperationStep> steps, string createdBy, DateTimeOffset? dueAt = null)
    {
        var now = clock.GetUtcNow();
        return new Operation
        {
            Id = Ids.New("op"), Kind = kind, SubjectId = subjectId, Steps = steps.ToList(), DueAt = dueAt,
            CreatedBy = createdBy, CreatedAt = now, UpdatedAt = now,
        };
    }

    public static TableWrite RecordWrite(Operation operation) => new TableWrite.Insert(Keys.Operation(operation.Id), operation);

    public Task EnqueueAsync(string shop, Operation operation, CancellationToken ct = default) =>
        queues.Work.SendAsync(Message(shop, operation.Id), DelayUntil(operation.DueAt), ct);

    /// <summary>An operation on its own, outside any other command.</summary>
    public async Task<Operation> StartAsync(string shop, Operation operation, CancellationToken ct = default)
    {
        await table.CommitAsync(shop, [RecordWrite(operation)], ct);
        await EnqueueAsync(shop, operation, ct);
        return operation;
    }

    /// <summary>
    /// After a command whose transaction held the operation's record: sends its message and answers 202 with
    /// the operation's Location. A refused command (its answer not a success) started nothing.
    /// </summary>
    public async Task<IResult> AcceptedAsync(string shop, IResult commandResult, Operation? operation, CancellationToken ct = default)
    {
        if (operation is null || !Answers.Succeeded(commandResult)) return commandResult;
        await EnqueueAsync(shop, operation, ct);
        return Answers.WithLocation(commandResult, $"/api/operations/{operation.Id}");
    }

    public static string Message(string shop, string operationId) => JsonSerializer.Serialize(new OperationMessage(shop, operationId));

    public TimeSpan DelayUntil(DateTimeOffset? dueAt)
    {
        var wait = dueAt is { } due ? due - clock.GetUtcNow() : TimeSpan.Zero;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < queues.Work.MaxDelay ? wait : queues.Work.MaxDelay;
    }
}
