using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class IntakeBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task TheCustomerSignsWithTheMouseTheSignatureIsShownAndTheEmailedReceiptIsInTheOutbox()
    {
        var page = await app.NewPageAsync(signInAs: BrowserApp.Staff);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var customer = $"Nora Signer {tag}";
        var customerId = (await page.SendAsync("POST", "/api/customers", new { name = customer, email = $"nora.{tag}@example.test" }, 201))
            .GetProperty("id").GetString();
        var jobId = await page.CreateJobAsync(new
        {
            module = "Repair", description = "Re-tip the prongs", customerId, item = $"Solitaire {tag}", condition = "Prongs worn thin", targetDate = "2026-12-04",
        });

        await page.GotoAsync($"/#/jobs/{jobId}");
        var step = page.GetByRole(AriaRole.Region, new() { Name = "Signature and receipt" });
        var save = step.GetByRole(AriaRole.Button, new() { Name = "Save signature" });
        await Expect(save).ToBeDisabledAsync();
        var pad = step.GetByRole(AriaRole.Img, new() { Name = "Signature pad" });
        await Expect(pad).ToHaveCSSAsync("touch-action", "none");
        await pad.ScrollIntoViewIfNeededAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height * 0.7f);
        await page.Mouse.DownAsync();
        foreach (var i in Enumerable.Range(1, 12))
            await page.Mouse.MoveAsync(box.X + 20 + i * 25, box.Y + box.Height * (i % 2 == 0 ? 0.3f : 0.7f), new() { Steps = 2 });
        await page.Mouse.UpAsync();
        await save.ClickAsync();

        var signature = step.GetByRole(AriaRole.Img, new() { Name = "Customer's signature" });
        await Expect(signature).ToBeVisibleAsync();
        // The image loads after it shows: wait for its pixels rather than read them at once.
        await Expect(signature).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
        await Expect(step).ToContainTextAsync("taken by Sam Staff");
        await Expect(step.GetByRole(AriaRole.Button, new() { Name = "Sign again" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "History" })).ToContainTextAsync("Customer signed at intake");

        await step.GetByRole(AriaRole.Button, new() { Name = "Email intake receipt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Intake receipt queued to" })
            .GetByRole(AriaRole.Link, new() { Name = "See Outbox" })).ToBeVisibleAsync();
        await step.GetByRole(AriaRole.Link, new() { Name = "see Outbox" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outbox" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(Regex.Escape(customer)) }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"intake receipt {jobId}") })).ToBeVisibleAsync();
        var email = page.GetByTitle("The email as the customer sees it").ContentFrame;
        await Expect(email.GetByRole(AriaRole.Heading, new() { Name = "Intake receipt" })).ToBeVisibleAsync();
        await Expect(email.GetByText("Condition at intake: Prongs worn thin")).ToBeVisibleAsync();
        await Expect(email.GetByText("Signed by the customer at intake", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithoutACustomerEmailTheReceiptButtonIsDisabledAndSaysWhy()
    {
        var page = await app.NewPageAsync(width: 375, height: 800, signInAs: BrowserApp.Staff);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var customerId = (await page.SendAsync("POST", "/api/customers", new { name = $"Phone Only {tag}", phone = "555-0142" }, 201))
            .GetProperty("id").GetString();
        var jobId = await page.CreateJobAsync(new { module = "Repair", description = "Clean and polish", customerId, item = $"Bangle {tag}" });

        await page.GotoAsync($"/#/jobs/{jobId}");

        var button = page.GetByRole(AriaRole.Button, new() { Name = "Email intake receipt" });
        await Expect(button).ToBeDisabledAsync();
        await Expect(button).ToHaveAccessibleDescriptionAsync(new Regex("no email address"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The job page scrolls sideways at phone width.");
    }
}
