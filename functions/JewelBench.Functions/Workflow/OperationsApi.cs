namespace JewelBench.Functions.Workflow;

/// <summary>The Durable Functions async-HTTP pattern: 202 with Location and Retry-After while running, 200 when done.</summary>
public static class OperationsApi
{
    public static RouteGroupBuilder MapOperations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/operations/{operationId}").WithTags("Operations");
        group.MapGet("/", GetOperation);
        group.MapPost("/retry", Retry);
        return group;
    }

    public sealed record OperationDto(string Id, string Kind, string? SubjectId, OperationStatus Status, int Done, int Total,
        int Attempts, string? LastError, string? FailedStep, DateTimeOffset? DueAt, string CreatedBy, DateTimeOffset CreatedAt,
        DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

    public static OperationDto ToDto(Operation o) => new(o.Id, o.Kind, o.SubjectId, o.Status, o.Done, o.Total, o.Attempts, o.LastError,
        o.FailedStep, o.DueAt, o.CreatedBy, o.CreatedAt, o.StartedAt, o.FinishedAt);

    /// <summary>The answer for an operation: 200 when finished (Succeeded or Failed), else 202 saying where and when to look again.</summary>
    public static IResult StatusOf(HttpContext http, Operation operation)
    {
        if (operation.IsFinished) return TypedResults.Ok(ToDto(operation));
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Accepted($"/api/operations/{operation.Id}", ToDto(operation));
    }

    private static async Task<IResult> GetOperation(string operationId, Caller caller, HttpContext http, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<Operation>(caller.ShopId, Keys.Operation(operationId), ct) is { } stored
            ? StatusOf(http, stored.Value)
            : Answers.NotFound($"Operation {operationId} was not found.");

    /// <summary>Resumes a Failed operation from the step that failed; its finished steps are not run again.</summary>
    private static async Task<IResult> Retry(string operationId, Caller caller, HttpContext http, IShopTable table, Operations operations,
        TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        body.ThrowIfInvalid();
        if (await table.GetAsync<Operation>(caller.ShopId, Keys.Operation(operationId), ct) is not { } stored)
            return Answers.NotFound($"Operation {operationId} was not found.");
        var operation = stored.Value;
        if (operation.Status != OperationStatus.Failed)
            throw new RuleConflictException($"Only a failed operation can be retried; this one is {operation.Status}.");
        operation.Status = operation.StartedAt is null ? OperationStatus.Pending : OperationStatus.Running;
        (operation.Attempts, operation.FinishedAt, operation.UpdatedAt) = (0, null, clock.GetUtcNow());
        try
        {
            await table.CommitAsync(caller.ShopId, [new TableWrite.Replace(stored.RowKey, operation, stored.ETag)], ct);
        }
        catch (ConcurrencyException)
        {
            throw new RuleConflictException("The operation changed while you asked; look at it again.");
        }
        await operations.EnqueueAsync(caller.ShopId, operation, ct);
        return StatusOf(http, operation);
    }
}
