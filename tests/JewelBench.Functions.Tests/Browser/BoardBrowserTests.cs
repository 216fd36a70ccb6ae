using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BoardBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AtPhoneWidthTheBoardFitsTheScreenAndANewJobLandsInShop()
    {
        var page = await app.NewPageAsync(width: 375, height: 800);
        await page.GotoAsync("/#/board");

        await page.GetByRole(AriaRole.Button, new() { Name = "New job" }).ClickAsync();
        await page.GetByLabel("Description").FillAsync("Phone-width pendant");
        // The process picker's hint is rewritten once the processes are read, which can move the form under a click.
        await Expect(page.Locator("#nj-process-hint")).Not.ToHaveTextAsync("Loading processes…");
        await page.GetByLabel("Rush job").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"P-\d{4}") })).ToBeVisibleAsync();
        await page.GotoAsync("/#/board");

        var inShop = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^In Shop") });
        var card = inShop.GetByRole(AriaRole.Link).Filter(new() { HasText = "Phone-width pendant" });
        await Expect(card).ToContainTextAsync("RUSH");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The board scrolls sideways at phone width.");
    }

    [Fact]
    public async Task TheListFindsJobsAndTheBoardOrListChoiceIsRemembered()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var created = await page.APIRequest.PostAsync("/api/jobs", new() { DataObject = new { description = $"Cameo {tag}" } });
        Assert.Equal(201, created.Status);
        await page.GotoAsync("/#/board");

        await page.GetByRole(AriaRole.Link, new() { Name = "List" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(tag);

        await Expect(page.GetByText($"Cameo {tag}")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jobs", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Two people at two screens: what one opens or changes shows on the other's board without a reload, rush first.</summary>
    [Fact]
    public async Task TheBoardUpdatesLiveBetweenTwoPagesAndPutsRushFirst()
    {
        var watching = await app.NewPageAsync(signInAs: BrowserApp.Staff);
        var working = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await watching.GotoAsync("/#/board");
        var inShop = watching.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^In Shop") });
        await Expect(inShop).ToBeVisibleAsync();

        await working.CreateJobAsync(new { description = $"Plain band {tag}" });
        await working.CreateJobAsync(new { description = $"Rush brooch {tag}", rush = true });
        await working.CreateJobAsync(new { description = $"Newest cuff {tag}" });

        var cards = inShop.GetByRole(AriaRole.Link).Filter(new() { HasText = tag });
        // The watching page polls every 5 s; no reload happens here.
        await Expect(cards).ToHaveCountAsync(3, new() { Timeout = 12_000 });
        var order = (await cards.AllInnerTextsAsync()).Select(t => t.Contains("Rush brooch") ? "rush" : t.Contains("Newest cuff") ? "newest" : "oldest");
        Assert.Equal(["rush", "newest", "oldest"], order);
    }
}
