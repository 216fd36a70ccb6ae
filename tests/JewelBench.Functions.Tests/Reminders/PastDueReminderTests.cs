using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Reminders;

/// <summary>A job past its promised date, or with a stage past its due date, is stuck before its lane's threshold.</summary>
[Collection(AppCollection.Name)]
public sealed class PastDueReminderTests(JewelBenchApp app)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // The host's clock starts on Monday 2026-11-02 at 09:00 UTC; the shop keeps UTC; In Progress waits 7 days.

    [Fact]
    public async Task AJobPastItsPromisedDateIsStuckTheNextMorning()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var id = await ReminderHost.InProgressJobAsync(owner);
        (await owner.PatchJsonAsync($"/api/jobs/{id}", new { targetDate = "2026-11-03" })).EnsureSuccessStatusCode();

        host.Clock.Advance(TimeSpan.FromHours(38)); // Tuesday 23:00: due today, not yet past due
        await host.DrainAsync();
        var onTheDay = await ReminderHost.StuckEventsAsync(owner, id);
        host.Clock.Advance(2 * Hour); // Wednesday 01:00
        await host.DrainAsync();

        Assert.Empty(onTheDay);
        Assert.Equal(["Stuck: In Progress for 1 day, past due since 2026-11-03"], await ReminderHost.StuckEventsAsync(owner, id));
    }

    [Fact]
    public async Task AStageDueEarlierCountsAndAPromiseMovedLaterReArms()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var id = await ReminderHost.InProgressJobAsync(owner);
        (await owner.PatchJsonAsync($"/api/jobs/{id}", new { targetDate = "2026-11-03" })).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name = "Casting", dueDate = "2026-11-05" })).EnsureSuccessStatusCode();

        (await owner.PatchJsonAsync($"/api/jobs/{id}", new { targetDate = "2026-11-20" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday: the old promise has passed, the new one and the stage have not
        await host.DrainAsync();
        var beforeTheStage = await ReminderHost.StuckEventsAsync(owner, id);
        host.Clock.Advance(TimeSpan.FromDays(2)); // Friday: the stage's due date has passed
        await host.DrainAsync();

        Assert.Empty(beforeTheStage);
        Assert.Equal(["Stuck: In Progress for 4 days, past due since 2026-11-05"], await ReminderHost.StuckEventsAsync(owner, id));
        Assert.Equal(4, (int)(await ReminderHost.CardAsync(owner, id))!["stuck"]!);
    }
}
