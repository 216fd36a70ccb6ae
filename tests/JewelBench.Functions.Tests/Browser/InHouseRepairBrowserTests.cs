using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class InHouseRepairBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AShopPieceIsRepairedFromItsStockPageAndTheCostLandsOnItsCostBasis()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var source = await page.CreateJobAsync(new { description = $"Opal ring {tag}" });
        var stockId = await page.CompleteJobAsync(source, $"Opal ring {tag}");

        await page.GotoAsync($"/#/stock/{stockId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Repair this piece" }).ClickAsync();
        await page.GetByLabel("Description").FillAsync($"Re-set loose opal ({tag})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "In-house piece" })).ToContainTextAsync(stockId);

        var items = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Items") });
        await items.GetByLabel("Kind").SelectOptionAsync("Labor");
        await items.GetByLabel("Description").FillAsync("Re-set stone");
        await items.GetByLabel("Hours").FillAsync("1");
        await items.GetByLabel("Rate").FillAsync("40");
        await items.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start work" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete repair…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("$40.00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Complete repair" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reopen repair…" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = stockId }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = stockId, Level = 1 })).ToBeVisibleAsync();
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Details", Exact = true });
        await Expect(details.Locator("div").Filter(new() { HasText = "Cost basis" })).ToContainTextAsync("$40.00");
    }
}
