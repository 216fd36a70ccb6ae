using JewelBench.Core.Board;

namespace JewelBench.Core.Jobs;

/// <summary>A job that sat past its threshold: in the lane <see cref="Days"/> days when last reminded, at <see cref="At"/>.</summary>
public sealed record StuckMark(int Days, DateTimeOffset At, int Step);

/// <summary>The (lapse, step) a reminder was last recorded for.</summary>
public sealed record ReminderStep(int Lapse, int Step);

public sealed record Snooze(DateOnly Until, string Reason, DateTimeOffset At, string By);

/// <summary>Timed reminders: a job that does not move is marked stuck, once per lapse and escalation step.</summary>
public sealed partial class Job
{
    /// <summary>Counts the job's moves between lanes and statuses; a reminder timer carries the lapse it was armed for.</summary>
    public int Lapse { get; set; }

    public StuckMark? Stuck { get; set; }
    public ReminderStep? Reminded { get; set; }
    public Snooze? Snoozed { get; set; }

    /// <summary>The first date the job must meet: its promised (target) date or an open stage's due date; none once it waits for pickup.</summary>
    public DateOnly? DueBy => IsClosed || Status == JobStatus.ReadyForPickup
        ? null
        : Stages.Where(s => s.IsOpen && s.DueDate is not null).Select(s => s.DueDate).Append(TargetDate).Where(d => d is not null).Min();

    public bool IsPastDue(DateOnly today) => DueBy < today;

    public bool IsSnoozed(DateOnly today) => Snoozed is { } snooze && today < snooze.Until;

    /// <summary>The reminder clock the job runs on now: its lane, or Waiting on Vendor, which has its own threshold.</summary>
    public ReminderClock? ReminderClock => BoardCard.LaneOf(this) switch
    {
        null => null,
        Lane.OnHold => Jobs.ReminderClock.OnHold,
        Lane.InShop when Status == JobStatus.WaitingOnVendor => Jobs.ReminderClock.WaitingOnVendor,
        Lane.InShop => Jobs.ReminderClock.InShop,
        Lane.ReadyForPickup => Jobs.ReminderClock.ReadyForPickup,
        _ => Jobs.ReminderClock.InProgress,
    };

    /// <summary>Whether a reminder for this lapse and step is still to be recorded: the job has not moved, is open, and was not reminded for it.</summary>
    public bool AwaitsReminder(int lapse, int step) => !IsClosed && lapse == Lapse
        && (Reminded is not { } last || last.Lapse < lapse || (last.Lapse == lapse && last.Step < step));

    /// <summary>Marks the job stuck for the reminder (lapse, step); false, changing nothing, when that reminder is moot or recorded already.</summary>
    public bool MarkStuck(int lapse, int step, DateOnly today, Change change)
    {
        if (!AwaitsReminder(lapse, step) || IsSnoozed(today) || ReminderClock is not { } clock) return false;
        var days = Math.Max(0, (int)(change.At - LaneSince).TotalDays);
        Stuck = new StuckMark(days, change.At, step);
        Reminded = new ReminderStep(lapse, step);
        var due = IsPastDue(today) ? $", past due since {DueBy:yyyy-MM-dd}" : "";
        Record(change, "Stuck", $"Stuck: {clock.Title()} for {days} day{(days == 1 ? "" : "s")}{due}", "stuck", null, $"{days}d");
        return true;
    }

    /// <summary>Holds the reminder until a date: the job is not stuck meanwhile. A reason is required, for the history.</summary>
    public void SnoozeReminder(DateOnly until, DateOnly today, Change change)
    {
        EnsureOpen("snoozed");
        RequireReason(change);
        if (until <= today) throw ValidationFailedException.For("until", "must be a date after today.");
        if (until > today.AddYears(1)) throw ValidationFailedException.For("until", "must be within a year.");
        var before = Snoozed?.Until;
        Snoozed = new Snooze(until, change.Reason!, change.At, change.By);
        Stuck = null;
        Record(change, "Snoozed", $"Reminder snoozed until {until:yyyy-MM-dd}", "snoozedUntil", before?.ToString("yyyy-MM-dd"), until.ToString("yyyy-MM-dd"));
    }

    /// <summary>A move to another lane or status starts a new lapse: the stuck mark and any snooze belong to the old one.</summary>
    private void EnterLane(Change change)
    {
        LaneSince = change.At;
        Lapse++;
        Stuck = null;
        Snoozed = null;
        // Back to work, the piece is no longer waiting to be claimed; a closed job keeps the flag for the record.
        if (!IsClosed) Unclaimed = null;
    }
}
