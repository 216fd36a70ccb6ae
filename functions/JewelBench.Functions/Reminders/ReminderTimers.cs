using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Reminders;

/// <summary>
/// Arms a job's reminder: one durable timer (an operation with DueAt) per (job, lapse, step), its id made from those,
/// so arming the same reminder again replaces its timer instead of adding one. The record is written in the
/// transaction of the command that moved (or snoozed) the job, and its message sent after, like any operation.
/// </summary>
public sealed class ReminderTimers(IShopTable table, Operations operations, IOptions<ReminderOptions> options, TimeProvider clock)
{
    public ReminderThresholds Defaults => options.Value.ToThresholds();

    public ReminderThresholds For(ShopProfile? shop) => shop?.Reminders ?? Defaults;

    public async Task<ShopProfile?> ShopAsync(string shopId, CancellationToken ct) =>
        (await table.GetAsync<ShopProfile>(shopId, Keys.Shop, ct))?.Value;

    public static string OperationId(string jobId, int lapse, int step) => $"op-rem-{jobId}-{lapse}-{step}";

    /// <summary>
    /// The timer for the job's next reminder: the first of a lapse when it has sat for its threshold (or is past a date it
    /// must meet), a further one an
    /// escalation interval after the last, and none before a snooze ends. Null for a job off the board.
    /// </summary>
    public Operation? Next(Job job, ShopProfile? shop, string createdBy)
    {
        var thresholds = For(shop);
        if (job.IsClosed || thresholds.ThresholdOf(job) is not { } threshold) return null;
        var step = job.Reminded is { } last && last.Lapse == job.Lapse ? last.Step + 1 : 0;
        var due = step == 0 ? FirstDue(job, shop, threshold) : (job.Stuck?.At ?? clock.GetUtcNow()) + thresholds.EscalationInterval;
        if (job.Snoozed is { } snooze)
        {
            var ends = ShopCalendar.StartOf(shop, snooze.Until);
            due = step == 0 && due > ends ? due : ends;
        }
        return Timer(job.Id, job.Lapse, step, due, createdBy);
    }

    /// <summary>A lapse's first reminder: when the job has sat for its threshold, or the day after a date it must meet, if sooner.</summary>
    public static DateTimeOffset FirstDue(Job job, ShopProfile? shop, TimeSpan threshold)
    {
        var sat = job.LaneSince + threshold;
        return job.DueBy is { } due && ShopCalendar.StartOf(shop, due.AddDays(1)) is var pastDue && pastDue < sat ? pastDue : sat;
    }

    public Operation Timer(string jobId, int lapse, int step, DateTimeOffset due, string createdBy)
    {
        var now = clock.GetUtcNow();
        return new Operation
        {
            Id = OperationId(jobId, lapse, step), Kind = StuckReminder.Kind, SubjectId = jobId, DueAt = due,
            Steps = [new OperationStep { Name = "remind", Args = new JsonObject { ["jobId"] = jobId, ["lapse"] = lapse, ["step"] = step } }],
            CreatedBy = createdBy, CreatedAt = now, UpdatedAt = now,
        };
    }

    /// <summary>An upsert: arming a reminder again (a snooze, a rush change) replaces the waiting timer of that step.</summary>
    public static TableWrite Write(Operation timer) => new TableWrite.Upsert(Keys.Operation(timer.Id), timer);

    public Task EnqueueAsync(string shopId, Operation timer, CancellationToken ct = default) => operations.EnqueueAsync(shopId, timer, ct);
}
