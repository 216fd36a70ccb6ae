using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class KioskBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AKioskLinkOpensTheReadOnlyMonitorUntilTheOwnerRevokesIt()
    {
        var owner = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await owner.CreateJobAsync(new { description = $"Kiosk brooch {tag}", customer = "Ada" });
        await owner.GotoAsync("/#/kiosk-links");
        await owner.GetByLabel("Screen name").FillAsync($"Bench wall {tag}");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var address = owner.GetByRole(AriaRole.Textbox, new() { Name = "Kiosk link address" });
        await Expect(address).ToHaveValueAsync(new Regex($"^{Regex.Escape(app.BaseUrl)}/#/kiosk/[A-Za-z0-9_-]+$"));
        await Expect(owner.GetByText("won’t be shown again")).ToBeVisibleAsync();
        var url = await address.InputValueAsync();

        var kiosk = await app.NewPageAsync(signInAs: null);
        await kiosk.GotoAsync(url);
        await Expect(kiosk).ToHaveURLAsync(new Regex("#/monitor$"));
        var inShop = kiosk.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^In Shop") });
        await Expect(inShop).ToContainTextAsync($"Kiosk brooch {tag}");
        await Expect(kiosk.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Ready for Pickup") })).ToBeVisibleAsync();
        await Expect(kiosk.GetByText(new Regex(@"^Updated \d"))).ToBeVisibleAsync();
        await Expect(kiosk.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(tag) })).ToHaveCountAsync(0);
        await Expect(kiosk.GetByRole(AriaRole.Button, new() { Name = "New job" })).ToHaveCountAsync(0);
        Assert.Equal(403, (await kiosk.APIRequest.GetAsync("/api/jobs")).Status);

        await kiosk.GotoAsync("/#/list");
        await Expect(kiosk).ToHaveURLAsync(new Regex("#/monitor$"));
        await Expect(inShop).ToContainTextAsync($"Kiosk brooch {tag}");

        await owner.GetByRole(AriaRole.Button, new() { Name = $"Revoke Bench wall {tag}" }).ClickAsync();
        await owner.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Button, new() { Name = $"Revoke Bench wall {tag}" })).ToHaveCountAsync(0);

        await kiosk.ReloadAsync();
        await Expect(kiosk.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(kiosk.GetByText("kiosk link may have been revoked")).ToBeVisibleAsync();
        await kiosk.GotoAsync(url);
        await Expect(kiosk.GetByRole(AriaRole.Heading, new() { Name = "This kiosk link is not valid" })).ToBeVisibleAsync();
        Assert.DoesNotContain("/kiosk/", kiosk.Url);
    }
}
