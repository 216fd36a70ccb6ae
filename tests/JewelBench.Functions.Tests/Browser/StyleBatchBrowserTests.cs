using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StyleBatchBrowserTests(BrowserApp app)
{
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Fact]
    public async Task AManufacturerMakesABatchFromAStyleAndRecordsTheCastingLossesUpToItsStockIds()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        // Stones received into stock, and casting grain
        var stone = (await page.SendAsync("POST", "/api/materials",
            new { kind = "Stone", sku = $"CZ3-{tag}", name = $"Round CZ 3 mm {tag}", unit = "pcs", unitCost = 4, onHand = 0 }, 201)).GetProperty("id").GetString()!;
        await page.SendAsync("POST", $"/api/materials/{stone}/receive", new { quantity = 20, unitCost = 4, reason = "Supplier delivery" });
        var metal = (await page.SendAsync("POST", "/api/materials",
            new { kind = "Metal", sku = $"AG-{tag}", name = $"Sterling grain {tag}", unit = "g", unitCost = 1.5, onHand = 200, metal = "Silver", karat = "925" }, 201))
            .GetProperty("id").GetString()!;

        // The shop manufactures
        await page.GotoAsync("/#/settings");
        var manufacture = page.GetByLabel("We manufacture");
        if (!await manufacture.IsCheckedAsync())
        {
            await manufacture.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await Expect(page.GetByText("Shop settings saved")).ToBeVisibleAsync();
        }
        Assert.True((await page.SendAsync("GET", "/api/shop")).GetProperty("manufacturer").GetBoolean());

        // A style with a stone line and a labor line, made in the UI
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(BrowserApp.OwnerName) }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Styles", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Styles", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "My Designs" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("origin=MyDesign"));
        await page.GetByRole(AriaRole.Link, new() { Name = "New style" }).First.ClickAsync();
        await page.GetByLabel("Code").FillAsync($"ER-{tag}");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Bezel stud");
        await page.GetByLabel("Category").FillAsync("Earrings");
        await page.GetByLabel("Find material").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"CZ3-{tag}") }).ClickAsync();
        await page.GetByLabel("Quantity per piece").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add material line" }).ClickAsync();
        await page.GetByLabel("Labor description").FillAsync("Setting");
        await page.GetByLabel("Hours per piece").FillAsync("0.5");
        await page.GetByLabel("Rate per hour").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add labor line" }).ClickAsync();
        var bom = page.GetByRole(AriaRole.Region, new() { Name = "Bill of materials" });
        await Expect(bom.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(bom).ToContainTextAsync("Cost per piece: $28.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create style" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"ER-{tag} Bezel stud" })).ToBeVisibleAsync();

        // An image of it
        await page.GetByLabel("Choose images").SetInputFilesAsync(new FilePayload
        {
            Name = "stud.png", MimeType = "image/png", Buffer = Convert.FromBase64String(OnePixelPng),
        });
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = $"ER-{tag} image 1" })).ToBeVisibleAsync();

        // Too big a batch is refused with what is short; a batch of 3 opens its new job
        var batch = page.GetByRole(AriaRole.Region, new() { Name = "Start a batch" });
        await batch.GetByLabel("Batch quantity").FillAsync("11");
        await Expect(batch).ToContainTextAsync("Short:");
        await batch.GetByRole(AriaRole.Button, new() { Name = "Start batch" }).ClickAsync();
        await Expect(batch.GetByRole(AriaRole.Alert)).ToContainTextAsync("Only 20 pcs");
        await batch.GetByLabel("Batch quantity").FillAsync("3");
        await batch.GetByLabel("Target date").FillAsync("2030-01-15");
        await batch.GetByRole(AriaRole.Button, new() { Name = "Start batch" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^P-\d{4}$") });
        await Expect(heading).ToBeVisibleAsync();
        var jobId = await heading.InnerTextAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"ER-{tag} Bezel stud" })).ToBeVisibleAsync();
        Assert.Equal(14m, (await page.SendAsync("GET", $"/api/materials/{stone}")).GetProperty("onHand").GetDecimal());

        // Casting: metal in 10 g, out 9 g, and 0.6 g of scrap recovered at 20.00
        var stages = page.GetByRole(AriaRole.Region, new() { Name = "Stages" });
        await stages.GetByRole(AriaRole.Button, new() { Name = "Add Casting" }).ClickAsync();
        await Expect(stages.GetByRole(AriaRole.Group, new() { Name = "Casting (stage 1)" })).ToBeVisibleAsync();
        await stages.GetByLabel("Metal in").FillAsync("10");
        await stages.GetByLabel("Metal out").FillAsync("9");
        await stages.GetByRole(AriaRole.Button, new() { Name = "Save weights" }).ClickAsync();
        await Expect(stages).ToContainTextAsync(new Regex(@"Loss\s*1 g\s*\(10%\)"));

        await stages.GetByRole(AriaRole.Button, new() { Name = "Record at Casting" }).ClickAsync();
        var record = page.GetByRole(AriaRole.Dialog);
        await record.GetByLabel("Flow").SelectOptionAsync("Loss");
        await record.GetByLabel("Loss kind").SelectOptionAsync("Scrap");
        await record.GetByLabel("Recovered from").FillAsync(tag);
        await record.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"AG-{tag}") }).ClickAsync();
        await record.GetByLabel("Quantity").FillAsync("0.6");
        await record.GetByLabel("Recoverable value").FillAsync("20");
        await record.GetByRole(AriaRole.Button, new() { Name = "Save record" }).ClickAsync();
        await Expect(record).ToHaveCountAsync(0);
        var recorded = stages.GetByRole(AriaRole.List, new() { Name = "Recorded at Casting" });
        await Expect(recorded).ToContainTextAsync("Scrap");
        await Expect(recorded).ToContainTextAsync("recoverable $20.00");
        await Expect(stages).ToContainTextAsync(new Regex(@"Recorded losses\s*0\.6 g"));
        await Expect(stages).ToContainTextAsync(new Regex(@"Unexplained\s*0\.4 g"));
        await Expect(stages.GetByRole(AriaRole.List, new() { Name = "Summary of Casting" })).ToContainTextAsync("scrap 0.6");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Cost roll-up" })).ToContainTextAsync("Scrap credit");

        // In production, the stage done, completed as three separate pieces
        await page.GetByRole(AriaRole.Button, new() { Name = "Start production" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete & Create Inventory" })).ToBeVisibleAsync();
        await stages.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Expect(stages).ToContainTextAsync("Finished");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete & Create Inventory" }).ClickAsync();
        var complete = page.GetByRole(AriaRole.Dialog);
        await complete.GetByLabel("Category").FillAsync("Earrings");
        await Expect(complete.GetByLabel("Quantity")).ToHaveValueAsync("3");
        await complete.GetByLabel("Separate items").CheckAsync();
        await complete.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();

        var pieces = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^S-\d{5}$") });
        await Expect(pieces).ToHaveCountAsync(3);

        // The losses stay on the completed job; the scrap went to its own SKU
        await Expect(stages).ToContainTextAsync(new Regex(@"Loss\s*1 g\s*\(10%\)"));
        await Expect(stages.GetByRole(AriaRole.List, new() { Name = "Summary of Casting" })).ToContainTextAsync("scrap 0.6");
        var ledger = await page.SendAsync("GET", $"/api/materials/{metal}-SCRAP/ledger");
        var scrap = ledger.EnumerateArray().Single(e => e.GetProperty("move").GetString() == "Scrap");
        Assert.Equal(0.6m, scrap.GetProperty("quantity").GetDecimal());
        Assert.Equal(jobId, scrap.GetProperty("jobId").GetString());
        var job = await page.SendAsync("GET", $"/api/jobs/{jobId}");
        Assert.Equal(20m, job.GetProperty("costs").GetProperty("scrapCredit").GetDecimal());

        // The stones' ledger, on their page: received, allocated by the batch, held in production, consumed at close-out
        await page.GotoAsync($"/#/materials/{stone}");
        var rows = page.GetByRole(AriaRole.Region, new() { Name = "Ledger" }).GetByRole(AriaRole.Row);
        await Expect(rows.Filter(new() { HasText = "Consumed" })).ToContainTextAsync(jobId);
        await Expect(rows.Filter(new() { HasText = "Allocated" })).ToContainTextAsync("−6");
        await Expect(rows.Filter(new() { HasText = "Received" })).ToHaveCountAsync(1);
    }
}
