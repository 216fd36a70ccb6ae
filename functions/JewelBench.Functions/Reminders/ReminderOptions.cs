namespace JewelBench.Functions.Reminders;

/// <summary>The "jewelbench:reminders" section of host.json: the install's default thresholds, in days; a shop may set its own.</summary>
public sealed class ReminderOptions
{
    public int InShop { get; set; } = 2;
    public int InProgress { get; set; } = 7;
    public int WaitingOnVendor { get; set; } = 10;
    public int ReadyForPickup { get; set; } = 14;
    public int OnHold { get; set; } = 14;

    /// <summary>A stuck job is reminded again after this many days, until it moves.</summary>
    public int Escalation { get; set; } = 3;

    /// <summary>How often the reconciliation arms the timers of board jobs that lack one (the first run one interval after start).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many pickup reminders go to a customer per stay in Ready for Pickup; then the piece is unclaimed.</summary>
    public int PickupReminders { get; set; } = 3;

    /// <summary>The hour of the shop's own morning (in its time zone) when staff get the daily digest.</summary>
    public int DigestHour { get; set; } = 8;

    /// <summary>False turns the daily digest off for the install: no timer is armed, and one already waiting sends nothing.</summary>
    public bool Digest { get; set; } = true;

    public ReminderThresholds ToThresholds() => new(InShop, InProgress, WaitingOnVendor, ReadyForPickup, OnHold, Escalation);
}
