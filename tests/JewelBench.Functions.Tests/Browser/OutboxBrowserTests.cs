using JewelBench.Functions.Tests.Email;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OutboxBrowserTests(BrowserApp app)
{
    /// <summary>On a phone: the email is listed, and opening it shows it styled as the customer sees it, in a sandboxed frame.</summary>
    [Fact]
    public async Task StaffOpenAnEmailInTheOutboxAndSeeItAsTheCustomerDoes()
    {
        var (mail, _) = await QueueEmail.QueueAsync(app.Services, BrowserApp.ShopId, to: "grace@customer.test", toName: "Grace Hopper");
        var page = await app.NewPageAsync(width: 390, height: 844, signInAs: BrowserApp.Staff);

        await page.GotoAsync("/#/outbox");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outbox" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("Grace Hopper") }).First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = mail.Subject })).ToBeVisibleAsync();
        var frame = page.GetByTitle("The email as the customer sees it");
        await Expect(frame).ToHaveAttributeAsync("sandbox", "");
        var email = frame.ContentFrame;
        await Expect(email.GetByRole(AriaRole.Heading, new() { Name = "Ready for pickup, Ada" })).ToBeVisibleAsync();
        var button = email.GetByRole(AriaRole.Link, new() { Name = "View your invoice" });
        await Expect(button).ToHaveCSSAsync("background-color", "rgb(138, 109, 31)");
        await page.GetByText("Plain-text part").ClickAsync();
        await Expect(page.GetByText("View your invoice: https://shop.test/invoices/I-0001")).ToBeVisibleAsync();
    }
}
