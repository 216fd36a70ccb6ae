using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task SigningInThroughTheFormLandsOnTheBoardAndSigningOutEndsTheSession()
    {
        var page = await app.NewPageAsync(signInAs: null);
        await page.GotoAsync("/#/board");
        var signInHeading = page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 });
        await Expect(signInHeading).ToBeVisibleAsync();

        await page.GetByLabel("Email").FillAsync(BrowserApp.Owner);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is incorrect.");
        await Expect(signInHeading).ToBeVisibleAsync();

        await page.GetByLabel("Password").FillAsync(BrowserApp.PasswordOf(BrowserApp.Owner));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board", Level = 1 })).ToBeVisibleAsync();
        var menu = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(BrowserApp.OwnerName) });
        await Expect(menu).ToContainTextAsync("Browser Jewelers");

        await menu.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(signInHeading).ToBeVisibleAsync();
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/board")).Status);
    }

    [Fact]
    public async Task WhenTheSessionEndsTheNextRequestShowsTheSignInPageWithANote()
    {
        var page = await app.NewPageAsync(signInAs: BrowserApp.Staff);
        await page.GotoAsync("/#/board");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board", Level = 1 })).ToBeVisibleAsync();

        await page.SendAsync("POST", "/api/auth/sign-out", expected: 204);

        // The live board's next poll (every 5 s) is the next request.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByText("Your session ended")).ToBeVisibleAsync();
    }
}
