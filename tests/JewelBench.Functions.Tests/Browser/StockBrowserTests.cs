using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StockBrowserTests(BrowserApp app)
{
    /// <summary>At phone width: Inventory finds a completed job's piece by search, and its edit shows in the piece's history.</summary>
    [Fact]
    public async Task InventoryFindsAPieceAndItsLocationEditIsInItsHistory()
    {
        var page = await app.NewPageAsync(width: 375, height: 800);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var wanted = await page.CompleteJobAsync(await page.CreateJobAsync(new { description = $"Emerald ring {tag}" }), $"Emerald ring {tag}");
        var other = await page.CompleteJobAsync(await page.CreateJobAsync(new { description = $"Garnet ring {tag}" }), $"Garnet ring {tag}");
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Inventory" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inventory" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync($"emerald ring {tag}");

        await Expect(page).ToHaveURLAsync(new Regex(@"#/stock\?q=emerald"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = other, Exact = true })).ToHaveCountAsync(0);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = wanted, Exact = true }) });
        await Expect(row).ToContainTextAsync("Safe");
        await Expect(row).ToContainTextAsync("Available");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The inventory scrolls sideways at phone width.");

        await row.GetByRole(AriaRole.Link, new() { Name = wanted, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = wanted })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Title")).ToHaveValueAsync($"Emerald ring {tag}");
        await dialog.GetByLabel("Storage location").FillAsync("Front window");
        await dialog.GetByLabel("Reason").FillAsync("Shown for the holidays");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Details" });
        await Expect(details).ToContainTextAsync("Front window");
        var history = page.GetByRole(AriaRole.Region, new() { Name = "History" });
        var edit = history.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Storage location changed" });
        await Expect(edit).ToContainTextAsync("Safe → Front window");
        await Expect(edit).ToContainTextAsync("Shown for the holidays");
        await Expect(edit).ToContainTextAsync(BrowserApp.OwnerName);
        await Expect(edit.Locator("time")).ToBeVisibleAsync();
    }
}
