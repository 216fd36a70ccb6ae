using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ProductionJobBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AProductionJobGoesFromIntakeToInventoryAndBack()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        // Intake
        await page.GetByRole(AriaRole.Button, new() { Name = "New job" }).ClickAsync();
        await page.GetByLabel("Description").FillAsync("Stacking rings, sterling");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"P-\d{4}") });
        await Expect(heading).ToBeVisibleAsync();
        var jobId = Regex.Match(await heading.InnerTextAsync(), @"P-\d{4}").Value;

        // A stage and a material
        var stages = page.GetByRole(AriaRole.Region, new() { Name = "Stages" });
        await stages.GetByLabel("Stage name").FillAsync("Polish");
        await stages.GetByLabel("Cost").FillAsync("30");
        await stages.GetByRole(AriaRole.Button, new() { Name = "Add stage", Exact = true }).ClickAsync();
        await Expect(stages.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Polish") })).ToBeVisibleAsync();
        var items = page.GetByRole(AriaRole.Region, new() { Name = "Items" });
        await items.GetByLabel("Description").FillAsync("Sterling wire");
        await items.GetByLabel("Quantity").FillAsync("30");
        await items.GetByLabel("Unit cost").FillAsync("2");
        await items.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Expect(items.GetByText("Sterling wire", new() { Exact = true })).ToBeVisibleAsync();

        // Start, finish the stage, complete as 3 separate pieces
        await page.GetByRole(AriaRole.Button, new() { Name = "Start production" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete & Create Inventory" })).ToBeVisibleAsync();
        await stages.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete & Create Inventory" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog);
        await form.GetByLabel("Category").FillAsync("Rings");
        await form.GetByLabel("Quantity").FillAsync("3");
        await form.GetByLabel("Separate items").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();

        var pieces = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^S-\d{5}$") });
        await Expect(pieces).ToHaveCountAsync(3);
        var soldId = await pieces.Nth(1).InnerTextAsync();

        // Sell one piece; reopen is then refused with the reason
        await pieces.Nth(1).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sell" }).ClickAsync();
        await ConfirmAsync(page, "Sell");
        await Expect(page.GetByText("Sold", new() { Exact = true }).First).ToBeVisibleAsync();
        await ReopenAsync(page, jobId);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{soldId} is Sold");

        // Release the piece, then reopen: the StockIDs are gone and the history is complete
        await page.GetByRole(AriaRole.Link, new() { Name = soldId }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        await ConfirmAsync(page, "Release");
        await Expect(page.GetByText("Available", new() { Exact = true }).First).ToBeVisibleAsync();
        await ReopenAsync(page, jobId);

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete & Create Inventory" })).ToBeVisibleAsync();
        await Expect(pieces).ToHaveCountAsync(0);
        var history = page.GetByRole(AriaRole.Region, new() { Name = "History" });
        foreach (var entry in new[] { "created", "Polish", "Sterling wire", "Started", "Completed", "Reopened", "Removed" })
            await Expect(history).ToContainTextAsync(entry);
        var api = await page.APIRequest.GetAsync($"/api/stock/{soldId}");
        Assert.Equal(404, api.Status);
    }

    private static Task ConfirmAsync(IPage page, string button) =>
        page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>From a stock page: back to its job, and ask to reopen it with a reason.</summary>
    private static async Task ReopenAsync(IPage page, string jobId)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = jobId }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen job" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").FillAsync("Wrong ring size");
        await ConfirmAsync(page, "Reopen");
    }
}
