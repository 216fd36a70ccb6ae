using System.Text.RegularExpressions;
using JewelBench.Functions.Reminders;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReminderBrowserTests(BrowserApp app)
{
    /// <summary>
    /// The clock moves past In Progress's 7 days and the job's timer fires (its message sent now, as the queue would once
    /// the days had passed): the card shows "stuck 8d" and the Reminders panel lists the job; a snooze hides both.
    /// </summary>
    [Fact]
    public async Task AJobPastItsThresholdShowsStuckOnTheBoardAndInRemindersUntilSnoozed()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var jobId = await page.CreateJobAsync(new { description = $"Forgotten locket {tag}" });
        await page.SendAsync("POST", $"/api/jobs/{jobId}/transitions", new { to = "InProduction" });
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(8));
            var timer = ReminderTimers.OperationId(jobId, 1, 0);
            await app.Services.GetRequiredService<WorkQueues>().Work.SendAsync(Operations.Message(BrowserApp.ShopId, timer), TimeSpan.Zero);
            await page.WaitForOperationAsync(timer);

            await page.GotoAsync("/#/board");
            var card = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^In Progress") })
                .GetByRole(AriaRole.Link).Filter(new() { HasText = $"Forgotten locket {tag}" });
            await Expect(card).ToContainTextAsync("stuck 8d");

            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Reminders \(\d+\)$") }).ClickAsync();
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Reminders" });
            var stuck = panel.GetByRole(AriaRole.List, new() { Name = "Stuck jobs" });
            await Expect(stuck.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(jobId) })).ToBeVisibleAsync();
            await Expect(stuck.GetByRole(AriaRole.Listitem).Filter(new() { HasText = jobId })).ToContainTextAsync("stuck 8d");

            await stuck.GetByRole(AriaRole.Button, new() { Name = $"Snooze {jobId}" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            var until = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(3);
            await dialog.GetByLabel("Until").FillAsync($"{until:yyyy-MM-dd}");
            await dialog.GetByLabel("Reason").FillAsync("Waiting for the customer's photo");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Snooze" }).ClickAsync();

            await Expect(card).Not.ToContainTextAsync("stuck");
            await Expect(stuck.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(jobId) })).ToHaveCountAsync(0);
            await Expect(panel.GetByRole(AriaRole.List, new() { Name = "Snoozed jobs" }).GetByRole(AriaRole.Listitem)
                .Filter(new() { HasText = jobId })).ToContainTextAsync("Snoozed until");
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task TheJobPageShowsItsStuckBadgeAndSnoozesIt()
    {
        var page = await app.NewPageAsync();
        var jobId = await page.CreateJobAsync(new { description = $"Stalled brooch {Guid.NewGuid():N}"[..24] });
        await page.SendAsync("POST", $"/api/jobs/{jobId}/transitions", new { to = "InProduction" });
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(9));
            var timer = ReminderTimers.OperationId(jobId, 1, 0);
            await app.Services.GetRequiredService<WorkQueues>().Work.SendAsync(Operations.Message(BrowserApp.ShopId, timer), TimeSpan.Zero);
            await page.WaitForOperationAsync(timer);

            await page.GotoAsync($"/#/jobs/{jobId}");
            var badges = page.Locator(".job-badges");
            await Expect(badges).ToContainTextAsync("stuck 9d");
            await badges.GetByRole(AriaRole.Button, new() { Name = "Snooze" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            var until = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2);
            await dialog.GetByLabel("Until").FillAsync($"{until:yyyy-MM-dd}");
            await dialog.GetByLabel("Reason").FillAsync("Stone on order");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Snooze" }).ClickAsync();

            await Expect(badges).Not.ToContainTextAsync("stuck");
            await Expect(badges).ToContainTextAsync("reminder snoozed until");
        }
        finally
        {
            app.Clock.Reset();
        }
    }
}
