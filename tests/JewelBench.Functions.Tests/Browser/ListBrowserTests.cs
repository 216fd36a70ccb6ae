using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ListBrowserTests(BrowserApp app)
{
    /// <summary>At phone width: rush + overdue + a phone search find the one job; reload and back keep the filters in the address.</summary>
    [Fact]
    public async Task TheListFiltersByOverdueAndRushSearchesByPhoneAndKeepsTheFiltersOnReload()
    {
        var page = await app.NewPageAsync(width: 375, height: 800);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var customer = (await page.SendAsync("POST", "/api/customers",
            new { name = $"Iris Vale {tag}", phone = $"(555) {digits[..3]}-{digits[3..]}" }, 201)).GetProperty("id").GetString();
        var other = (await page.SendAsync("POST", "/api/customers",
            new { name = $"Other {tag}", phone = "(555) 000-0000" }, 201)).GetProperty("id").GetString();
        async Task<string> Repair(string item, bool rush, string targetDate, string? customerId = null) => await page.CreateJobAsync(
            new { module = "Repair", description = $"Clasp {tag}", customerId = customerId ?? customer, item, rush, targetDate });
        var lateRush = await Repair("Tennis bracelet", rush: true, targetDate: "2021-03-01");
        var rushOnTime = await Repair("Charm bracelet", rush: true, targetDate: "2099-03-01");
        var lateOnly = await Repair("Bangle", rush: false, targetDate: "2021-03-01");
        var otherCustomers = await Repair("Anklet", rush: true, targetDate: "2021-03-01", other);
        await page.GotoAsync("/#/list");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Rush only" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Overdue only" }).CheckAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync($"555 {digits[..4]} {digits[4..]}");

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=555"));
        await ExpectOnlyAsync(page, lateRush, rushOnTime, lateOnly, otherCustomers);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = lateRush, Exact = true }) });
        await Expect(row).ToContainTextAsync("Overdue");
        await Expect(row).ToContainTextAsync("RUSH");
        await Expect(row).ToContainTextAsync("Repair");
        await Expect(row).ToContainTextAsync($"Iris Vale {tag}");
        await Expect(row).ToContainTextAsync("Tennis bracelet");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The list scrolls sideways at phone width.");

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Rush only" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Overdue only" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync($"555 {digits[..4]} {digits[4..]}");
        await ExpectOnlyAsync(page, lateRush, rushOnTime, lateOnly, otherCustomers);

        // Back undoes the search, not the checkboxes before it.
        await page.GoBackAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Overdue only" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = otherCustomers, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AListThatMatchesNothingOffersToClearTheFilters()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await page.CreateJobAsync(new { description = $"Locket {tag}", targetDate = "2000-01-01" });
        await page.GotoAsync($"/#/list?q={tag}&lane=OnHold&sort=promised");

        await Expect(page.GetByText("No jobs match these filters.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = id, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Lane" })).ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Sort" })).ToHaveValueAsync("promised");
        Assert.Matches(new Regex(@"#/list\?sort=promised$"), page.Url);
    }

    private static async Task ExpectOnlyAsync(IPage page, string shown, params string[] hidden)
    {
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = shown, Exact = true })).ToBeVisibleAsync();
        foreach (var id in hidden) await Expect(page.GetByRole(AriaRole.Link, new() { Name = id, Exact = true })).ToHaveCountAsync(0);
        Assert.Contains("rush=true", page.Url);
        Assert.Contains("overdue=true", page.Url);
    }
}
