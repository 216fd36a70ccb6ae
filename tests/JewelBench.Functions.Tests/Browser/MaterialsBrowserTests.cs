using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MaterialsBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AStoneAddedAndReceivedIsAllocatedToAJobWithItsLedgerAndOverAllocationIsRefused()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (sku, name) = ($"SAP-{tag}", $"Round sapphire {tag}");
        var jobId = await page.CreateJobAsync(new { module = "Production", description = $"Sapphire halo ring {tag}" });
        await page.GotoAsync("/#/board");

        // Add a stone with 5 in stock from the list page
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserApp.OwnerName }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Stones & materials" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add material" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Kind")).ToHaveValueAsync("Stone");
        await Expect(dialog.GetByRole(AriaRole.Textbox, new() { Name = "Metal", Exact = true })).ToHaveCountAsync(0);
        await dialog.GetByLabel("Name").FillAsync(name);
        await dialog.GetByLabel("SKU").FillAsync(sku);
        await dialog.GetByLabel("Unit cost").FillAsync("40");
        await dialog.GetByLabel("Opening stock").FillAsync("5");
        await dialog.GetByLabel("Shape").FillAsync("Round");
        await dialog.GetByLabel("Color").FillAsync("Blue");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add material" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = sku, Exact = true }) });
        await Expect(row).ToContainTextAsync("Round · Blue");
        await Expect(row).ToContainTextAsync("5 pcs");

        // Receive 3 more: on hand 8, and the ledger has both receipts
        await row.GetByRole(AriaRole.Link, new() { Name = sku, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = sku, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Receive" }).ClickAsync();
        await dialog.GetByLabel("Quantity").FillAsync("3");
        await dialog.GetByLabel("Note").FillAsync($"PO {tag}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Receive", Exact = true }).ClickAsync();
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Details" });
        await Expect(details).ToContainTextAsync(new Regex(@"On hand\s*8 pcs"));
        var ledger = page.GetByRole(AriaRole.Region, new() { Name = "Ledger" }).GetByRole(AriaRole.Row);
        await Expect(ledger).ToHaveCountAsync(3);
        await Expect(ledger.Nth(1)).ToContainTextAsync("Received");
        await Expect(ledger.Nth(1)).ToContainTextAsync("+3");
        await Expect(ledger.Nth(1)).ToContainTextAsync($"PO {tag}");
        await Expect(ledger.Nth(2)).ToContainTextAsync("+5");
        await Expect(ledger.Nth(2)).ToContainTextAsync("Opening stock");

        // Allocate 2 to the production job from its items panel
        await page.GotoAsync($"/#/jobs/{jobId}");
        var items = page.GetByRole(AriaRole.Region, new() { Name = "Items" });
        await AddFromInventoryAsync(page, tag, sku, "2");
        var line = items.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = $"{sku} {name}" }) });
        await Expect(line).ToContainTextAsync("Allocated");
        await Expect(line).ToContainTextAsync("2 pcs");

        // 10 more than the 6 left is refused, and the dialog says why
        await AddFromInventoryAsync(page, tag, sku, "10");
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Only 6 pcs of {sku}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(items.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);

        // The material shows 6 on hand, 2 committed, and an Allocate entry linking the job
        await line.GetByRole(AriaRole.Link, new() { Name = $"{sku} {name}" }).ClickAsync();
        await Expect(details).ToContainTextAsync(new Regex(@"On hand\s*6 pcs"));
        await Expect(details).ToContainTextAsync(new Regex(@"Committed to jobs\s*2 pcs"));
        await Expect(ledger).ToHaveCountAsync(4);
        await Expect(ledger.Nth(1)).ToContainTextAsync("Allocated");
        await Expect(ledger.Nth(1)).ToContainTextAsync("−2");
        await ledger.Nth(1).GetByRole(AriaRole.Link, new() { Name = jobId }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = jobId, Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ACountShowsTheDifferenceFirstAndNeedsAReason()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = (await page.SendAsync("POST", "/api/materials",
            new { kind = "Metal", name = $"Sterling wire {tag}", sku = $"AG-{tag}", unit = "g", unitCost = 1.2, onHand = 40, metal = "Sterling", karat = "925" }, 201))
            .GetProperty("id").GetString();
        await page.GotoAsync($"/#/materials/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Count" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Counted on hand").FillAsync("37.5");
        await Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Difference: −2.5 g (on hand 40 → 37.5 g).");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save count" }).ClickAsync();
        await Expect(dialog.GetByLabel("Reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await dialog.GetByLabel("Reason").FillAsync("Stocktake: offcuts in the scrap tin");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save count" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Details" })).ToContainTextAsync(new Regex(@"On hand\s*37\.5 g"));
        var newest = page.GetByRole(AriaRole.Region, new() { Name = "Ledger" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(newest).ToContainTextAsync("Counted");
        await Expect(newest).ToContainTextAsync("−2.5");
        await Expect(newest).ToContainTextAsync("Stocktake: offcuts in the scrap tin");
    }

    [Fact]
    public async Task AConsumedStoneOfAReopenedJobGoesBackToStockWithAReason()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var sku = $"EM-{tag}";
        var id = (await page.SendAsync("POST", "/api/materials",
            new { kind = "Stone", name = $"Emerald {tag}", sku, unit = "pcs", unitCost = 120, onHand = 4 }, 201)).GetProperty("id").GetString();
        var jobId = await page.CreateJobAsync(new { module = "Production", description = $"Emerald pendant {tag}" });
        await page.SendAsync("POST", $"/api/jobs/{jobId}/materials", new { materialId = id, quantity = 1 }, 201);
        await page.CompleteJobAsync(jobId, $"Emerald pendant {tag}");
        var reopened = await page.APIRequest.PostAsync($"/api/jobs/{jobId}/reopen", new() { DataObject = new { reason = "Stone was swapped" } });
        Assert.True(reopened.Ok, $"Reopen answered {reopened.Status}: {await reopened.TextAsync()}");
        await page.GotoAsync($"/#/jobs/{jobId}");

        var line = page.GetByRole(AriaRole.Region, new() { Name = "Items" }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = $"{sku} Emerald {tag}" }) });
        await Expect(line).ToContainTextAsync("Consumed");
        await line.GetByRole(AriaRole.Button, new() { Name = "Return to stock" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Reason").FillAsync("Stone was swapped for a paler one");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Return to stock" }).ClickAsync();
        await Expect(line).ToHaveCountAsync(0);

        await page.GotoAsync($"/#/materials/{id}");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Details" })).ToContainTextAsync(new Regex(@"On hand\s*4 pcs"));
        var newest = page.GetByRole(AriaRole.Region, new() { Name = "Ledger" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(newest).ToContainTextAsync("Returned");
        await Expect(newest).ToContainTextAsync("Stone was swapped for a paler one");
    }

    /// <summary>At phone width: the kind chips and the low-stock view narrow the list, and the address keeps them on reload.</summary>
    [Fact]
    public async Task TheListFiltersByKindAndLowStockAndKeepsTheFiltersInTheAddress()
    {
        var page = await app.NewPageAsync(width: 375, height: 800);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await page.SendAsync("POST", "/api/materials",
            new { kind = "Stone", name = $"Ruby {tag}", sku = $"RU-{tag}", unit = "ct", unitCost = 300, onHand = 1, reorderPoint = 2, shape = "Oval" }, 201);
        await page.SendAsync("POST", "/api/materials",
            new { kind = "Metal", name = $"Gold sheet {tag}", sku = $"AU-{tag}", unit = "dwt", unitCost = 90, onHand = 50, reorderPoint = 10, metal = "Yellow gold", karat = "14k" }, 201);
        await page.GotoAsync("/#/materials");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(tag);
        await Expect(page).ToHaveURLAsync(new Regex($"[?&]q={tag}"));
        var ruby = page.GetByRole(AriaRole.Link, new() { Name = $"RU-{tag}", Exact = true });
        var gold = page.GetByRole(AriaRole.Link, new() { Name = $"AU-{tag}", Exact = true });
        await Expect(ruby).ToBeVisibleAsync();
        await Expect(gold).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Metals" }).ClickAsync();
        await Expect(ruby).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { Has = gold })).ToContainTextAsync("Yellow gold 14k");
        await page.GetByRole(AriaRole.Button, new() { Name = "All", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Low stock only" }).CheckAsync();
        await Expect(gold).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { Has = ruby })).ToContainTextAsync("Low");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The materials list scrolls sideways at phone width.");

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Low stock only" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync(tag);
        await Expect(ruby).ToBeVisibleAsync();
        await Expect(gold).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Other" }).ClickAsync();
        await Expect(page.GetByText("No materials match these filters.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "All", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Matches(new Regex(@"#/materials$"), page.Url);
    }

    /// <summary>Opens "Add from inventory", finds the material by its tag, picks it and asks for a quantity.</summary>
    private static async Task AddFromInventoryAsync(IPage page, string tag, string sku, string quantity)
    {
        await page.GetByRole(AriaRole.Region, new() { Name = "Items" }).GetByRole(AriaRole.Button, new() { Name = "Add from inventory" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Searchbox, new() { Name = "Find material" }).FillAsync(tag);
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^{sku} ") }).ClickAsync();
        await dialog.GetByLabel("Quantity").FillAsync(quantity);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add to job" }).ClickAsync();
    }
}
