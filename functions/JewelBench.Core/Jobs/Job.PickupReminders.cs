namespace JewelBench.Core.Jobs;

/// <summary>A pickup reminder emailed to the customer: which one of the lapse, to what address, as which mail row.</summary>
public sealed record PickupNotice(int Lapse, int Number, string MailId, string ToAddress, DateTimeOffset At);

/// <summary>A piece left Ready for Pickup past the last reminder: flagged on this date, for the shop's abandoned-property policy.</summary>
public sealed record UnclaimedMark(DateOnly Since, DateTimeOffset At);

/// <summary>Pickup reminders to the customer, their opt-out, and the unclaimed flag that follows the last one.</summary>
public sealed partial class Job
{
    /// <summary>Every pickup reminder sent, kept with the job so the notice trail survives the outbox's pruning.</summary>
    public List<PickupNotice> PickupNotices { get; set; } = [];

    /// <summary>When the customer opted out of pickup reminders; none are sent after.</summary>
    public DateTimeOffset? PickupRemindersOptedOut { get; set; }

    public UnclaimedMark? Unclaimed { get; set; }

    public int PickupRemindersSent(int lapse) => PickupNotices.Count(n => n.Lapse == lapse);

    public void PickupReminderQueued(int lapse, string mailId, string address, Change change)
    {
        var number = PickupRemindersSent(lapse) + 1;
        PickupNotices.Add(new PickupNotice(lapse, number, mailId, address, change.At));
        Record(change, "PickupReminder", $"Pickup reminder {number} emailed to {address}", "email", null, address);
    }

    /// <summary>The customer's own request, from the link in a reminder; false when it was recorded already.</summary>
    public bool OptOutOfPickupReminders(Change change)
    {
        if (PickupRemindersOptedOut is not null) return false;
        PickupRemindersOptedOut = change.At;
        Record(change, "RemindersOptedOut", "The customer opted out of pickup reminders", "pickupReminders", "on", "off");
        return true;
    }

    public void MarkUnclaimed(DateOnly today, Change change)
    {
        if (Unclaimed is not null || Status != JobStatus.ReadyForPickup) return;
        Unclaimed = new UnclaimedMark(today, change.At);
        Record(change, "Unclaimed", $"Unclaimed: not picked up after the last pickup reminder ({today:yyyy-MM-dd})", "unclaimed", null,
            today.ToString("yyyy-MM-dd"));
    }
}
