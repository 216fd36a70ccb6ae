using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class EnvelopeBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task TheEnvelopePrintsTheJobTagWithItsQrCodeAndNothingElse()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var customer = await page.SendAsync("POST", "/api/customers", new { name = $"Eva Tag {tag}", phone = "555 0177" }, 201);
        var jobId = await page.CreateJobAsync(new
        {
            module = "Repair", description = "Retip prongs", customerId = customer.GetProperty("id").GetString(), item = $"Halo ring {tag}",
            condition = "Two prongs worn flat", targetDate = "2026-12-04", rush = true,
        });
        await page.SendAsync("POST", $"/api/jobs/{jobId}/deposits", new { amount = 15, method = "Cash" });

        await page.GotoAsync($"/#/jobs/{jobId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Print envelope" }).ClickAsync();

        var envelope = page.GetByRole(AriaRole.Article, new() { Name = $"Envelope for job {jobId}" });
        await Expect(envelope.GetByRole(AriaRole.Heading, new() { Name = jobId })).ToBeVisibleAsync();
        foreach (var text in new[] { $"Eva Tag {tag}", $"Halo ring {tag}", "Two prongs worn flat", "RUSH", "$15.00" })
            await Expect(envelope).ToContainTextAsync(text);
        await Expect(envelope.GetByRole(AriaRole.Img, new() { Name = $"QR code that opens job {jobId}" })).Not.ToHaveJSPropertyAsync("naturalWidth", 0);

        await page.GetByRole(AriaRole.Radio, new() { Name = "US Letter" }).CheckAsync();
        await Expect(envelope).ToHaveAttributeAsync("data-size", "letter");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print envelope" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync();
        await Expect(envelope).ToBeVisibleAsync();
    }
}
