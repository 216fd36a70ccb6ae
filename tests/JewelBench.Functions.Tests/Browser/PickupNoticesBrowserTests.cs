using JewelBench.Functions.Reminders;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PickupNoticesBrowserTests(BrowserApp app)
{
    /// <summary>
    /// A repair left Ready for Pickup past its 14 days gets a pickup reminder when its timer fires; the job page then links
    /// the printable notice trail, which lists the reminder and prints without the app's chrome.
    /// </summary>
    [Fact]
    public async Task AJobWithPickupRemindersLinksItsPrintableNoticeTrail()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var customer = await page.SendAsync("POST", "/api/customers", new { name = $"Lea Notice {tag}", email = $"lea-{tag}@customer.test" }, 201);
        var jobId = await page.CreateJobAsync(new
        {
            module = "Repair", description = "Restring pearls", customerId = customer.GetProperty("id").GetString(), item = $"Pearl strand {tag}",
            condition = "Thread worn",
        });
        await page.SendAsync("POST", $"/api/jobs/{jobId}/transitions", new { to = "InProgress" });
        await page.SendAsync("POST", $"/api/jobs/{jobId}/transitions", new { to = "ReadyForPickup" }, 202);
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(15));
            var timer = ReminderTimers.OperationId(jobId, 2, 0);
            await app.Services.GetRequiredService<WorkQueues>().Work.SendAsync(Operations.Message(BrowserApp.ShopId, timer), TimeSpan.Zero);
            await page.WaitForOperationAsync(timer);

            await page.GotoAsync($"/#/jobs/{jobId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Pickup notices" }).ClickAsync();

            var trail = page.GetByRole(AriaRole.Article, new() { Name = $"Pickup notices · job {jobId}" });
            await Expect(trail).ToContainTextAsync($"Lea Notice {tag}");
            var row = trail.GetByRole(AriaRole.Table, new() { Name = "Pickup reminders sent" }).GetByRole(AriaRole.Row).Filter(new() { HasText = $"lea-{tag}@customer.test" });
            await Expect(row).ToHaveCountAsync(1);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print notice trail" })).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync();
            await Expect(trail).ToBeVisibleAsync();
        }
        finally
        {
            app.Clock.Reset();
        }
    }
}
