using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Reminders;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Reminders;

[Collection(AppCollection.Name)]
public sealed class StuckReminderTests(JewelBenchApp app)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task AJobLeftInProgressPastItsThresholdBecomesStuckExactlyOnce()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var jobId = await ReminderHost.InProgressJobAsync(owner);

        host.Clock.Advance(TimeSpan.FromDays(7) - Hour);
        await host.DrainAsync();
        Assert.Empty(await ReminderHost.StuckEventsAsync(owner, jobId));
        Assert.Null((int?)(await ReminderHost.CardAsync(owner, jobId))!["stuck"]);

        host.Clock.Advance(TimeSpan.FromDays(2));
        // The reminder, and the shop's daily digest timer (of a day gone by, so it sends nothing).
        Assert.Equal(2, await host.DrainAsync());
        Assert.Equal(0, await host.DrainAsync());

        Assert.Equal(["Stuck: In Progress for 8 days"], await ReminderHost.StuckEventsAsync(owner, jobId));
        Assert.Equal(8, (int)(await ReminderHost.CardAsync(owner, jobId))!["stuck"]!);
        var job = await (await owner.GetAsync($"/api/jobs/{jobId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(8, (int)job["stuck"]!["days"]!);
        var reminder = Assert.Single(await (await owner.GetAsync("/api/reminders")).ReadArrayAsync());
        Assert.Equal((jobId, "Pavé band", 8, "InProgress", "InProduction"), ((string)reminder!["jobId"]!, (string)reminder["description"]!,
            (int)reminder["daysStuck"]!, (string)reminder["lane"]!, (string)reminder["status"]!));
        Assert.Equal(DateTimeOffset.Parse((string)job["laneSince"]!), DateTimeOffset.Parse((string)reminder["since"]!));
        Assert.NotNull(reminder["location"]);
    }

    [Fact]
    public async Task ARushJobIsStuckAfterHalfItsLanesThreshold()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var jobId = await ReminderHost.InProgressJobAsync(owner, rush: true);

        host.Clock.Advance(TimeSpan.FromDays(3.5) + Hour);
        await host.DrainAsync();

        Assert.Equal(["Stuck: In Progress for 3 days"], await ReminderHost.StuckEventsAsync(owner, jobId));
    }

    [Fact]
    public async Task MovingAStuckJobClearsTheBadgeAndReArmsForItsNewLane()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var jobId = await ReminderHost.InProgressJobAsync(owner);
        host.Clock.Advance(TimeSpan.FromDays(7) + Hour);
        await host.DrainAsync();
        Assert.Equal(7, (int)(await ReminderHost.CardAsync(owner, jobId))!["stuck"]!);

        var held = await owner.PatchAsJsonAsync($"/api/jobs/{jobId}", new { onHold = true, reason = "Customer abroad" });
        Assert.Null((await held.ReadJsonAsync(HttpStatusCode.OK))["stuck"]);
        Assert.Null((int?)(await ReminderHost.CardAsync(owner, jobId))!["stuck"]);
        Assert.Empty(await (await owner.GetAsync("/api/reminders")).ReadArrayAsync());

        // The In Progress escalation is moot now; On Hold has its own 14 days.
        host.Clock.Advance(TimeSpan.FromDays(13));
        await host.DrainAsync();
        Assert.Single(await ReminderHost.StuckEventsAsync(owner, jobId));

        host.Clock.Advance(TimeSpan.FromDays(1) + Hour);
        await host.DrainAsync();
        Assert.Equal(["Stuck: In Progress for 7 days", "Stuck: On Hold for 14 days"], await ReminderHost.StuckEventsAsync(owner, jobId));
        Assert.Equal(14, (int)(await ReminderHost.CardAsync(owner, jobId))!["stuck"]!);
    }

    [Fact]
    public async Task AStuckJobIsRemindedAgainAtEachEscalationIntervalUntilItMoves()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var jobId = await ReminderHost.InProgressJobAsync(owner);
        host.Clock.Advance(TimeSpan.FromDays(7) + Hour);
        await host.DrainAsync();

        host.Clock.Advance(TimeSpan.FromDays(3) - 2 * Hour);
        await host.DrainAsync();
        Assert.Single(await ReminderHost.StuckEventsAsync(owner, jobId));

        host.Clock.Advance(2 * Hour);
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.DrainAsync();

        Assert.Equal(["Stuck: In Progress for 7 days", "Stuck: In Progress for 10 days", "Stuck: In Progress for 13 days"],
            await ReminderHost.StuckEventsAsync(owner, jobId));
        Assert.Equal(13, (int)(await ReminderHost.CardAsync(owner, jobId))!["stuck"]!);

        (await owner.PostAsJsonAsync($"/api/jobs/{jobId}/transitions", new { to = "Canceled", reason = "Customer withdrew" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(30));
        await host.DrainAsync();
        Assert.Equal(3, (await ReminderHost.StuckEventsAsync(owner, jobId)).Count);
    }

    [Fact]
    public async Task ASnoozeHoldsTheReminderUntilItsDateThenItComesBack()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var jobId = await ReminderHost.InProgressJobAsync(owner);
        host.Clock.Advance(TimeSpan.FromDays(7) + Hour);
        await host.DrainAsync();
        var until = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(5);

        await (await owner.PostAsJsonAsync($"/api/jobs/{jobId}/snooze", new { until = $"{until:yyyy-MM-dd}" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "reason");
        await (await owner.PostAsJsonAsync($"/api/jobs/{jobId}/snooze", new { until = "2026-01-01", reason = "Past" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "until");
        var snoozed = await (await owner.PostAsJsonAsync($"/api/jobs/{jobId}/snooze", new { until = $"{until:yyyy-MM-dd}", reason = "Waiting for the stone" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Null(snoozed["stuck"]);
        Assert.Equal($"{until:yyyy-MM-dd}", (string)snoozed["snoozed"]!["until"]!);
        Assert.Null((int?)(await ReminderHost.CardAsync(owner, jobId))!["stuck"]);
        var history = await (await owner.GetAsync($"/api/jobs/{jobId}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string)e!["action"]! == "Snoozed" && (string)e["reason"]! == "Waiting for the stone");
        var listed = Assert.Single(await (await owner.GetAsync("/api/reminders")).ReadArrayAsync());
        Assert.Equal(($"{until:yyyy-MM-dd}", null), ((string)listed!["snoozedUntil"]!, (int?)listed["daysStuck"]));

        // The escalation due meanwhile waits for the snooze to end.
        host.Clock.Advance(TimeSpan.FromDays(4));
        await host.DrainAsync();
        Assert.Single(await ReminderHost.StuckEventsAsync(owner, jobId));

        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.DrainAsync();
        Assert.Equal(2, (await ReminderHost.StuckEventsAsync(owner, jobId)).Count);
        Assert.NotNull((int?)(await ReminderHost.CardAsync(owner, jobId))!["stuck"]);
        Assert.Null((await (await owner.GetAsync("/api/reminders")).ReadArrayAsync())[0]!["snoozedUntil"]);
    }

    [Fact]
    public async Task TwoExecutorsAndARestartBetweenSchedulingAndFiringStillRemindOncePerStep()
    {
        string jobId;
        var first = ReminderHost.Create(app.ConnectionString);
        await using (first)
        {
            jobId = await ReminderHost.InProgressJobAsync(await first.OwnerAsync());
        }
        await using var one = first.Restart();
        await using var two = first.Restart();
        var owner = await one.OwnerAsync();
        one.Clock.Advance(TimeSpan.FromDays(7) + Hour);

        // Copies of the timer's message, as the sweep or a redelivery makes them.
        var timer = ReminderTimers.OperationId(jobId, 1, 0);
        for (var i = 0; i < 4; i++) await one.Services.GetRequiredService<WorkQueues>().Work.SendAsync(Operations.Message(ReminderHost.Shop, timer), TimeSpan.Zero);
        await Task.WhenAll(one.DrainAsync(), two.DrainAsync(), one.DrainAsync(), two.DrainAsync());

        Assert.Single(await ReminderHost.StuckEventsAsync(owner, jobId));

        one.Clock.Advance(TimeSpan.FromDays(3));
        await Task.WhenAll(one.DrainAsync(), two.DrainAsync());
        await Task.WhenAll(one.DrainAsync(), two.DrainAsync());
        Assert.Equal(2, (await ReminderHost.StuckEventsAsync(owner, jobId)).Count);
    }
}
