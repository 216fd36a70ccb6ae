using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OwnerPagesBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task TheOwnerInvitesDeactivatesAndReactivatesAUserWhoThenChangesTheirPassword()
    {
        var owner = await app.NewPageAsync(width: 390, height: 844);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var email = $"nina-{tag}@browser-shop.test";
        await owner.GotoAsync("/#/users");
        var invite = owner.GetByRole(AriaRole.Form, new() { Name = "Invite someone" });
        await invite.GetByLabel("Name").FillAsync($"Nina {tag}");
        await invite.GetByLabel("Email").FillAsync(email);
        await invite.GetByLabel("Initial password").FillAsync("short");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await Expect(invite.GetByLabel("Initial password")).ToHaveAttributeAsync("aria-invalid", "true");
        await invite.GetByLabel("Initial password").FillAsync("nina-first-pass");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        var row = owner.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Deactivate Nina {tag}" }).ClickAsync();
        await owner.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
        await Expect(row).ToContainTextAsync("Deactivated");
        var refused = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        refused.SetDefaultTimeout(10_000);
        Assert.Equal(401, (await refused.APIRequest.PostAsync("/api/auth/sign-in",
            new() { DataObject = new { email, password = "nina-first-pass" } })).Status);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Reactivate Nina {tag}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Active");

        var nina = await refused.NewPageAsync();
        Assert.Equal(200, (await nina.APIRequest.PostAsync("/api/auth/sign-in",
            new() { DataObject = new { email, password = "nina-first-pass" } })).Status);
        await nina.GotoAsync("/#/account/password");
        await nina.GetByLabel("Current password").FillAsync("nina-first-pass");
        await nina.GetByLabel(new Regex("^New password")).FillAsync("nina-second-pass");
        await nina.GetByLabel("Confirm new password").FillAsync("nina-second-pass");
        await nina.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(nina.GetByText("Password changed")).ToBeVisibleAsync();
        var again = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        Assert.Equal(200, (await again.APIRequest.PostAsync("/api/auth/sign-in",
            new() { DataObject = new { email, password = "nina-second-pass" } })).Status);

        // She forgets it: the owner sets a new one.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Set a new password for Nina {tag}" }).ClickAsync();
        var dialog = owner.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("New password").FillAsync("nina-third-pass");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(owner.GetByText($"New password set for Nina {tag}")).ToBeVisibleAsync();
        Assert.Equal(200, (await again.APIRequest.PostAsync("/api/auth/sign-in",
            new() { DataObject = new { email, password = "nina-third-pass" } })).Status);
    }

    [Fact]
    public async Task ShopSettingsShowTheLatestAfterAConflictingEditAndRecordTheChange()
    {
        var owner = await app.NewPageAsync();
        await owner.GotoAsync("/#/settings");
        var address = owner.GetByLabel("Address");
        await Expect(address).Not.ToHaveValueAsync("");
        await owner.SendAsync("PATCH", "/api/shop", new { taxRate = 7.5 });

        await address.FillAsync("2 Conflict Ave");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed by someone else");
        await Expect(owner.GetByLabel("Sales tax (%)")).ToHaveValueAsync("7.5");

        await owner.GetByLabel("Address").FillAsync("2 Conflict Ave");
        await owner.GetByLabel("Reason for the change (optional)").FillAsync("Moved");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        var history = owner.GetByRole(AriaRole.Region, new() { Name = "History" });
        await Expect(history).ToContainTextAsync("2 Conflict Ave");
        await Expect(history).ToContainTextAsync("Moved");
        var shop = await owner.SendAsync("GET", "/api/shop");
        Assert.Equal("2 Conflict Ave", shop.GetProperty("address").GetString());
        await owner.SendAsync("PATCH", "/api/shop", new { address = "1 Test St", taxRate = 0 });
    }

    [Fact]
    public async Task TheOwnerUploadsALogoThatShowsInSettingsAndCanRemoveIt()
    {
        var owner = await app.NewPageAsync(width: 390, height: 844);
        await owner.GotoAsync("/#/settings");
        var logo = owner.GetByRole(AriaRole.Region, new() { Name = "Logo" });

        await logo.GetByLabel("Image").SetInputFilesAsync(new FilePayload { Name = "logo.txt", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });
        await logo.GetByRole(AriaRole.Button, new() { Name = "Upload logo" }).ClickAsync();
        await Expect(logo.GetByRole(AriaRole.Alert)).ToContainTextAsync("PNG, JPEG or WebP");

        await logo.GetByLabel("Image").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Shops.ShopLogoTests.Png });
        await logo.GetByRole(AriaRole.Button, new() { Name = "Upload logo" }).ClickAsync();
        var image = logo.GetByRole(AriaRole.Img);
        await Expect(image).ToBeVisibleAsync();
        Assert.Equal(1, await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))"));

        await logo.GetByRole(AriaRole.Button, new() { Name = "Remove logo" }).ClickAsync();
        await owner.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove logo" }).ClickAsync();
        await Expect(logo.GetByText("No logo yet.")).ToBeVisibleAsync();
        await Expect(owner.GetByRole(AriaRole.Region, new() { Name = "History" })).ToContainTextAsync("Logo removed");
    }
}
