using JewelBench.Core.Jobs;
using JewelBench.Core.Shops;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public sealed class JobReminderTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Day(10).UtcDateTime);

    [Fact]
    public void AJobIsMarkedStuckOncePerLapseAndStep()
    {
        var job = InProduction();

        Assert.True(job.MarkStuck(job.Lapse, 0, Today, By("Reminders", day: 9)));
        Assert.False(job.MarkStuck(job.Lapse, 0, Today, By("Reminders", day: 9)));

        var stuck = Assert.Single(job.TakeEvents());
        Assert.Equal(("Stuck", "Stuck: In Progress for 8 days"), (stuck.Action, stuck.Summary));
        Assert.Equal(8, job.Stuck!.Days);
        Assert.True(job.MarkStuck(job.Lapse, 1, Today, By("Reminders", day: 12)));
    }

    [Fact]
    public void MovingStartsANewLapseClearsStuckAndLeavesTheOldTimerMoot()
    {
        var job = InProduction();
        var lapse = job.Lapse;
        job.MarkStuck(lapse, 0, Today, By("Reminders", day: 9));

        job.TransitionTo(JobStatus.Canceled, By(day: 9, reason: "Customer withdrew"));

        Assert.Equal(lapse + 1, job.Lapse);
        Assert.Null(job.Stuck);
        Assert.False(job.AwaitsReminder(lapse, 1));
        Assert.False(job.MarkStuck(job.Lapse, 0, Today, By("Reminders", day: 20)));
    }

    [Fact]
    public void ASnoozeNeedsAReasonAndAFutureDateAndHoldsTheMarkUntilThen()
    {
        var job = InProduction();
        job.MarkStuck(job.Lapse, 0, Today, By("Reminders", day: 9));

        Assert.Contains("reason", Assert.Throws<ValidationFailedException>(() => job.SnoozeReminder(Today.AddDays(3), Today, By(day: 10))).Errors.Keys);
        Assert.Contains("until", Assert.Throws<ValidationFailedException>(() => job.SnoozeReminder(Today, Today, By(day: 10, reason: "r"))).Errors.Keys);
        job.SnoozeReminder(Today.AddDays(3), Today, By(day: 10, reason: "Waiting for the stone"));

        Assert.Null(job.Stuck);
        Assert.True(job.IsSnoozed(Today.AddDays(2)));
        Assert.False(job.MarkStuck(job.Lapse, 1, Today.AddDays(2), By("Reminders", day: 12)));
        Assert.True(job.MarkStuck(job.Lapse, 1, Today.AddDays(3), By("Reminders", day: 13)));
    }

    [Theory]
    [InlineData(false, 7.0)]
    [InlineData(true, 3.5)]
    public void ARushJobGetsHalfItsLanesThreshold(bool rush, double days)
    {
        Assert.Equal(TimeSpan.FromDays(days), ReminderThresholds.Defaults.ThresholdOf(InProduction(rush: rush)));
    }

    [Fact]
    public void WaitingOnVendorAndOnHoldHaveTheirOwnClocks()
    {
        var job = Draft();
        Assert.Equal(ReminderClock.InShop, job.ReminderClock);
        job.Edit(new JobEdits { OnHold = new Optional<bool>(true) }, By(reason: "Parts"));
        Assert.Equal(ReminderClock.OnHold, job.ReminderClock);
    }

    [Fact]
    public void AShopsOwnThresholdsAreCheckedAndEachChangeIsInItsHistory()
    {
        var shop = ShopProfile.Create("s", new ShopDetails("Shop", null, "UTC", "USD", 0), By());
        shop.TakeEvents();

        Assert.Contains("inShop", Assert.Throws<ValidationFailedException>(() =>
            shop.SetReminders(ReminderThresholds.Defaults with { InShop = 0 }, ReminderThresholds.Defaults, By())).Errors.Keys);
        shop.SetReminders(ReminderThresholds.Defaults with { InProgress = 5 }, ReminderThresholds.Defaults, By());

        var edit = Assert.Single(shop.TakeEvents());
        Assert.Equal(("reminders.inProgress", "7", "5"), (edit.Field, edit.From, edit.To));
        Assert.Equal(5, shop.Reminders!.InProgress);
    }
}
