using JewelBench.Functions.Auth;
using JewelBench.Functions.Workflow;
using JewelBench.Core.History;
using JewelBench.Core.Stock;

namespace JewelBench.Functions.Jobs;

/// <summary>Start, cancel, complete (close-out into inventory), reopen, and the job's history.</summary>
public static class JobLifecycleApi
{
    public static RouteGroupBuilder MapJobLifecycle(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{id}").WithTags("Lifecycle");
        group.MapPost("/transitions", Transition);
        group.MapPost("/complete", Complete);
        group.MapPost("/reopen", Reopen).RequireAuthorization(Policies.Owner);
        group.MapGet("/history", History);
        return group;
    }

    private static async Task<IResult> Transition(string id, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("to");
        var to = body.Enum<JobStatus>("to");
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        if (to == JobStatus.ReadyForPickup) return await CustomerJobApi.MarkReadyForPickup(id, caller, request, jobs, table, reason);
        return await jobs.RunAsync(caller, id, request, reason, (job, change) => job.TransitionTo(to!.Value, change));
    }

    /// <summary>
    /// One transaction: the job, its pieces, their history and the close-out operation; then 202 while the photos are
    /// copied. An in-house repair instead puts its cost onto its piece, in the same way and with nothing left to run.
    /// </summary>
    private static async Task<IResult> Complete(string id, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table,
        Operations operations)
    {
        var body = await JsonBody.ReadAsync(request);
        var form = new CompletionForm(body.Text("title"), body.Text("category"), body.Text("vendor"), body.Text("storageLocation"),
            body.Int("quantity"), body.Bool("separateItems") ?? false, body.Decimal("retailPrice"));
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await jobs.RunStartingAsync(caller, id, request, reason, async (job, change) =>
        {
            if (job.RepairOf is { } stockId)
            {
                if (form != new CompletionForm(null, null, null, null, null, false, null))
                    throw ValidationFailedException.For("body", "an in-house repair completes onto its piece: send only a reason, if any.");
                return (await OnPieceAsync(table, caller.ShopId, stockId, request, piece => job.CompleteRepair(piece, change)), null);
            }
            var (last, advance) = await Counters.ReadAsync(table, caller.ShopId, "stock", request.HttpContext.RequestAborted);
            var first = CloseOut.FirstPieces(job);
            var pieces = job.Complete(form, last + 1, change);
            var later = pieces.Skip(first).ToList();
            var operation = operations.New(CloseOut.Kind, job.Id, CloseOut.Steps(job, pieces, later), caller.User);
            return (pieces.Take(first).SelectMany(p => RecordedWrites.Insert(Keys.Stock(p.StockId), p.StockId, p))
                .Append(advance(pieces.Count)), operation);
        });
    }

    /// <summary>
    /// Deletes the pieces close-out created, each conditional on the state it was read in, and starts the
    /// operation that deletes their photos. An in-house repair takes its cost off its piece again instead.
    /// </summary>
    private static async Task<IResult> Reopen(string id, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table,
        Operations operations)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await jobs.RunStartingAsync(caller, id, request, reason, async (job, change) =>
        {
            if (job.RepairOf is { } stockId)
                return (await OnPieceAsync(table, caller.ShopId, stockId, request, piece => job.ReopenRepair(piece, change)), null);
            var ct = request.HttpContext.RequestAborted;
            var stored = (await Task.WhenAll((job.Completion?.Pieces ?? []).Select(p =>
                table.GetAsync<StockItem>(caller.ShopId, Keys.Stock(p), ct)))).OfType<Stored<StockItem>>().ToList();
            job.Reopen(stored.Select(s => s.Value).ToList(), change);
            var settled = await SettleCloseOutAsync(table, caller.ShopId, job, change, ct);
            var operation = operations.New(ReopenCleanup.Kind, job.Id,
                stored.Where(s => s.Value.Photos.Count > 0).Select(s => ReopenCleanup.Step(s.Value)), caller.User);
            return (stored.Select(s => (TableWrite)new TableWrite.Delete(s.RowKey, s.ETag)).Concat(settled), operation);
        });
    }

    /// <summary>
    /// Reopen removes every piece of the close-out, so it waits until the close-out operation has written them all;
    /// photo copies still to come are moot, so the close-out is canceled in the reopen's transaction.
    /// </summary>
    private static async Task<IEnumerable<TableWrite>> SettleCloseOutAsync(IShopTable table, string shop, Job job, Change change,
        CancellationToken ct)
    {
        if (job.OperationId is not { } closeOut || await table.GetAsync<Operation>(shop, Keys.Operation(closeOut), ct) is not { } stored
            || stored.Value.Kind != CloseOut.Kind || stored.Value.IsFinished)
            return [];
        var operation = stored.Value;
        if (operation.Steps.Any(s => !s.Done && CloseOut.CreatesPieces(s)))
            throw new RuleConflictException($"The close-out is still creating inventory ({operation.Done}/{operation.Total}); reopen it when that has finished.");
        operation.Cancel("The job was reopened.", change.At);
        return [new TableWrite.Replace(stored.RowKey, operation, stored.ETag)];
    }

    /// <summary>Changes the repaired piece in the job's transaction, conditional on the piece as it was read.</summary>
    private static async Task<IEnumerable<TableWrite>> OnPieceAsync(IShopTable table, string shop, string stockId, HttpRequest request,
        Action<StockItem> change)
    {
        var stored = await table.GetAsync<StockItem>(shop, Keys.Stock(stockId), request.HttpContext.RequestAborted)
            ?? throw new RuleConflictException($"The repaired piece {stockId} is no longer in stock.");
        change(stored.Value);
        return RecordedWrites.History(stockId, stored.Value.TakeEvents()).Prepend(new TableWrite.Replace(stored.RowKey, stored.Value, stored.ETag));
    }

    private static async Task<IResult> History(string id, Caller caller, IShopTable table, CancellationToken ct)
    {
        if (await table.GetAsync<Job>(caller.ShopId, Keys.Job(id), ct) is null)
            return Answers.NotFound($"Job {id} was not found.");
        var events = await table.QueryAsync<HistoryEvent>(caller.ShopId, Keys.HistoryPrefix(id), ct);
        return TypedResults.Ok(events.Select(e => e.Value).ToList());
    }
}
