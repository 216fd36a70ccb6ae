using JewelBench.Core.Shops;
using JewelBench.Functions.Jobs;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Reminders;

/// <summary>
/// A reminder timer firing: when the job has not moved since the timer was armed (same lapse), is open and not snoozed,
/// the job is marked stuck — history event, stuck mark, card and the next escalation's timer in one transaction
/// conditional on the job's ETag. The job records the (lapse, step) it was reminded for, so a repeated message, a
/// second instance or a restart finds the step done and writes nothing: no job is reminded twice for the same step.
/// </summary>
public sealed class StuckReminder(IShopTable table, ReminderTimers timers, PickupReminder pickup, Operations operations, TimeProvider clock,
    ILogger<StuckReminder> logger) : IOperationKind
{
    public const string Kind = "stuck-reminder";
    public const string By = "Reminders";
    private const int Attempts = 5;

    public string Name => Kind;

    public async Task RunStepAsync(StepContext context, OperationStep step, CancellationToken ct)
    {
        var (jobId, lapse, number) = ((string)step.Args!["jobId"]!, (int)step.Args["lapse"]!, (int)step.Args["step"]!);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.GetAsync<Job>(context.Shop, Keys.Job(jobId), ct);
            if (stored is null) return;
            var job = stored.Value;
            if (!job.AwaitsReminder(lapse, number))
            {
                await ResendNextAsync(context.Shop, job, lapse, number, ct);
                return;
            }
            var shop = await timers.ShopAsync(context.Shop, ct);
            var thresholds = timers.For(shop);
            var now = clock.GetUtcNow();
            var today = ShopCalendar.Today(shop, now);
            if (job.IsSnoozed(today))
                throw new StepDeferredException(ShopCalendar.StartOf(shop, job.Snoozed!.Until), $"Job {jobId} is snoozed.");
            // The shop may have raised the threshold, or the job's dates moved, since the timer was armed.
            if (number == 0 && thresholds.ThresholdOf(job) is { } threshold && ReminderTimers.FirstDue(job, shop, threshold) is var due && due > now)
                throw new StepDeferredException(due, $"Job {jobId} is neither past its threshold nor past due yet.");

            var change = new Change(By, now);
            if (!job.MarkStuck(lapse, number, today, change)) return;
            var customerWrites = new List<TableWrite>();
            var email = await pickup.AddAsync(context.Shop, job, shop, number, today, change, customerWrites, clock, ct);
            job.Version++;
            var next = timers.Timer(jobId, lapse, number + 1, now + thresholds.EscalationInterval, By);
            var writes = RecordedWrites.History(jobId, job.TakeEvents())
                .Prepend(new TableWrite.Replace(stored.RowKey, job, stored.ETag))
                .Append(ReminderTimers.Write(next)).Concat(customerWrites).ToList();
            if (JobCommands.CardWrite(job, wasOnBoard: true) is { } card) writes.Add(card);
            try
            {
                await table.CommitAsync(context.Shop, writes, ct);
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                // The job changed meanwhile (a move, a snooze, another instance's reminder): look at it again.
                continue;
            }
            logger.LogInformation("Job {Job} is stuck ({Days} days); reminded for lapse {Lapse} step {Step}", jobId, job.Stuck!.Days, lapse, number);
            await timers.EnqueueAsync(context.Shop, next, ct);
            if (email is not null) await operations.EnqueueAsync(context.Shop, email, ct);
            return;
        }
    }

    /// <summary>This step was recorded already, maybe by a run cut short before it sent the next timer's message: send it (a duplicate is harmless).</summary>
    private async Task ResendNextAsync(string shop, Job job, int lapse, int number, CancellationToken ct)
    {
        if (job.IsClosed || job.Lapse != lapse || job.Reminded != new ReminderStep(lapse, number)) return;
        if (await table.GetAsync<Operation>(shop, Keys.Operation(ReminderTimers.OperationId(job.Id, lapse, number + 1)), ct) is { Value: { IsFinished: false } next })
            await timers.EnqueueAsync(shop, next, ct);
    }
}
