using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StaffBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task StaffSeeNoReopenOnACompletedJobAndNoOwnerPages()
    {
        var page = await app.NewPageAsync(signInAs: BrowserApp.Staff);
        var jobId = await page.CreateJobAsync(new { description = "Staff signet ring" });
        await page.CompleteJobAsync(jobId, "Staff signet ring");

        await page.GotoAsync($"/#/jobs/{jobId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inventory created" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reopen job" })).ToHaveCountAsync(0);
        var history = page.GetByRole(AriaRole.Region, new() { Name = "History" });
        await Expect(history).ToContainTextAsync("Sam Staff");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Sam Staff") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change password" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Shop settings" })).ToHaveCountAsync(0);
        await page.GotoAsync("/#/users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not available for your role" })).ToBeVisibleAsync();
    }
}
