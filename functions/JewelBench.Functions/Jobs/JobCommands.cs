using JewelBench.Core.Board;
using JewelBench.Core.Invoices;
using JewelBench.Core.Processes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Materials;
using JewelBench.Functions.Reminders;
using JewelBench.Functions.Status;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Jobs;

/// <summary>
/// Creates jobs and runs commands on them, keeping each job's board card in the same transaction, and arming the job's
/// reminder timer in it whenever the job changes lane or status (or is snoozed, or its rush flag changes).
/// </summary>
public sealed class JobCommands(IShopTable table, TimeProvider clock, CommandRunner runner, Operations operations, ReminderTimers reminders)
{
    /// <summary>Tries at taking the next job number when others take it first; each lost try means another job got one.</summary>
    private const int NumberAttempts = 20;

    /// <summary>
    /// Opens a job in one transaction with copies of its process's stages, and whatever <paramref name="build"/> adds
    /// (a style's bill of materials, with the stock it allocates).
    /// </summary>
    public async Task<IResult> CreateAsync(Caller caller, NewJob draft, CancellationToken ct, StageTemplate? process = null,
        Action<Job, Change>? build = null)
    {
        var prefix = draft.Module.ToString()[..1];
        var shop = await table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct) ?? throw new NotFoundException("The shop was not found.");
        for (var attempt = 1; ; attempt++)
        {
            var (last, advance) = await Counters.ReadAsync(table, caller.ShopId, $"job-{prefix}", ct);
            var change = new Change(caller.User, clock.GetUtcNow());
            var job = Job.Create($"{prefix}-{last + 1:D4}", draft, change);
            job.Currency = shop.Value.Currency;
            if (process is not null) job.StartFrom(process, JobListApi.Today(clock, shop.Value.TimeZone), change);
            build?.Invoke(job, change);
            var materials = await MaterialWrites.ApplyAsync(table, caller.ShopId, job.TakeMaterialMoves(), change, ct);
            if (job.IsCustomerJob && !job.IsInHouseRepair) job.StatusToken = StatusLinks.NewSecret();
            var timer = reminders.Next(job, shop.Value, caller.User);
            try
            {
                await table.CommitAsync(caller.ShopId, [advance(1), .. NewJobWrites(job), .. materials, .. timer is null ? [] : new[] { ReminderTimers.Write(timer) }], ct);
                if (timer is not null) await reminders.EnqueueAsync(caller.ShopId, timer, ct);
                return Answers.Created(job, job.ToDto(caller.ShopId), $"/api/jobs/{job.Id}");
            }
            catch (ConcurrencyException) when (attempt < NumberAttempts)
            {
                // Another job took the number: read the counter again.
            }
            catch (ConcurrencyException)
            {
                throw new RuleConflictException("Many jobs were opened at the same moment and this one found no free number; try again.");
            }
        }
    }

    public static IEnumerable<TableWrite> NewJobWrites(Job job)
    {
        var writes = RecordedWrites.Insert(Keys.Job(job.Id), job.Id, job).ToList();
        if (job.StatusToken is not null) writes.Add(StatusLinks.IndexWrite(job));
        if (CardWrite(job, wasOnBoard: false) is { } card) writes.Add(card);
        return writes;
    }

    public async Task<IResult> RunAsync(Caller caller, string jobId, HttpRequest request, string? reason,
        Func<Job, Change, Task<IEnumerable<TableWrite>>> command, int successStatus = StatusCodes.Status200OK, Func<Job, JobDto>? toDto = null)
    {
        Operation? timer = null;
        var ct = request.HttpContext.RequestAborted;
        var result = await runner.RunAsync<Job>(caller, jobId, Keys.Job(jobId), request.Headers.IfMatch, reason, async (job, change) =>
        {
            timer = null;
            var wasOnBoard = BoardCard.For(job) is not null;
            var invoiceBefore = job.Invoice;
            var reminderBefore = (job.Lapse, job.Snoozed, job.Rush, job.DueBy);
            var writes = (await command(job, change)).ToList();
            if (reminderBefore != (job.Lapse, job.Snoozed, job.Rush, job.DueBy)
                && reminders.Next(job, await reminders.ShopAsync(caller.ShopId, ct), caller.User) is { } next)
                writes.Add(ReminderTimers.Write(timer = next));
            if (job.TakeMaterialMoves() is { Count: > 0 } moves)
                writes.AddRange(await MaterialWrites.ApplyAsync(table, caller.ShopId, moves, change, request.HttpContext.RequestAborted));
            if (job.PendingEvents.Count > 0 && CardWrite(job, wasOnBoard) is { } card) writes.Add(card);
            if ((job.Invoice ?? invoiceBefore) is { PendingEvents.Count: > 0 } invoice) writes.AddRange(InvoiceWrites(invoice));
            return writes;
        }, toDto ?? (job => job.ToDto(caller.ShopId)), "Job", successStatus, ct);
        if (timer is not null && Answers.Succeeded(result)) await reminders.EnqueueAsync(caller.ShopId, timer, ct);
        return result;
    }

    /// <summary>
    /// A command that may start a durable operation (close-out, reopen, an email to the customer): its record is written
    /// with the command's rows and the job names it; the answer is 202 with the operation's Location when one was
    /// started, else 200.
    /// </summary>
    public async Task<IResult> RunStartingAsync(Caller caller, string jobId, HttpRequest request, string? reason,
        Func<Job, Change, Task<(IEnumerable<TableWrite> Writes, Operation? Operation)>> command)
    {
        Operation? operation = null;
        (Job Job, JobDto Dto)? answered = null;
        var result = await RunAsync(caller, jobId, request, reason, async (job, change) =>
        {
            (var writes, operation) = await command(job, change);
            if (operation is null) return writes;
            job.OperationId = operation.Id;
            return writes.Append(Operations.RecordWrite(operation));
        }, StatusCodes.Status200OK, job => (answered = (job, job.ToDto(caller.ShopId, operation))).Value.Dto);
        if (operation is null || !Answers.Succeeded(result)) return result;
        var (saved, dto) = answered!.Value;
        return await operations.AcceptedAsync(caller.ShopId, Answers.Ok(saved, dto, StatusCodes.Status202Accepted), operation);
    }

    public Task<IResult> RunAsync(Caller caller, string jobId, HttpRequest request, string? reason,
        Action<Job, Change> command, int successStatus = StatusCodes.Status200OK) =>
        RunAsync(caller, jobId, request, reason, (job, change) =>
        {
            command(job, change);
            return Task.FromResult(Enumerable.Empty<TableWrite>());
        }, successStatus);

    /// <summary>The invoice's own row follows the copy on the job; it is the one kept once the invoice is voided.</summary>
    private static IEnumerable<TableWrite> InvoiceWrites(Invoice invoice) =>
        RecordedWrites.History(invoice.Id, invoice.TakeEvents()).Prepend(new TableWrite.Upsert(Keys.Invoice(invoice.Id), invoice));

    /// <summary>The card row exists exactly while the job is on the board.</summary>
    public static TableWrite? CardWrite(Job job, bool wasOnBoard) => BoardCard.For(job) is { } card
        ? new TableWrite.Upsert(Keys.Card(job.Id), card)
        : wasOnBoard ? new TableWrite.Delete(Keys.Card(job.Id), "*") : null;
}
