namespace JewelBench.Core.Jobs;

/// <summary>The clocks a job can be stuck on: its lane, with Waiting on Vendor apart from the rest of In Shop.</summary>
public enum ReminderClock { InShop, InProgress, WaitingOnVendor, ReadyForPickup, OnHold }

public static class ReminderClocks
{
    public static string Title(this ReminderClock clock) => clock switch
    {
        ReminderClock.InShop => "In Shop",
        ReminderClock.InProgress => "In Progress",
        ReminderClock.WaitingOnVendor => "Waiting on Vendor",
        ReminderClock.ReadyForPickup => "Ready for Pickup",
        _ => "On Hold",
    };
}

/// <summary>How many days a job may sit on each clock before it is stuck (rush jobs: half), and how often a stuck one is reminded again.</summary>
public sealed record ReminderThresholds(int InShop, int InProgress, int WaitingOnVendor, int ReadyForPickup, int OnHold, int Escalation)
{
    public const int MaxDays = 365;

    public static ReminderThresholds Defaults { get; } = new(2, 7, 10, 14, 14, 3);

    public int DaysFor(ReminderClock clock) => clock switch
    {
        ReminderClock.InShop => InShop,
        ReminderClock.InProgress => InProgress,
        ReminderClock.WaitingOnVendor => WaitingOnVendor,
        ReminderClock.ReadyForPickup => ReadyForPickup,
        _ => OnHold,
    };

    /// <summary>How long the job may sit where it is now; null for a job that has left the board.</summary>
    public TimeSpan? ThresholdOf(Job job) => job.ReminderClock is { } clock
        ? TimeSpan.FromDays(job.Rush ? DaysFor(clock) / 2.0 : DaysFor(clock))
        : null;

    public TimeSpan EscalationInterval => TimeSpan.FromDays(Escalation);

    /// <summary>Each value from 1 to <see cref="MaxDays"/> days.</summary>
    public ReminderThresholds Checked()
    {
        var checks = new Checks();
        foreach (var (name, days) in new[] { ("inShop", InShop), ("inProgress", InProgress), ("waitingOnVendor", WaitingOnVendor),
                     ("readyForPickup", ReadyForPickup), ("onHold", OnHold), ("escalation", Escalation) })
            checks.Range(name, days, 1, MaxDays);
        checks.ThrowIfAny();
        return this;
    }
}
