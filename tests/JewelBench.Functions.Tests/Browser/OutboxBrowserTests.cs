using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Email;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task AnUnconfirmedEmailIsSentAgainAfterAConfirmationAsANewEmail()
    {
        var services = app.Services;
        var table = services.GetRequiredService<IShopTable>();
        var clock = services.GetRequiredService<TimeProvider>();
        var shop = (await table.GetAsync<ShopProfile>(BrowserApp.ShopId, Keys.Shop))!.Value;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var mail = OutboundEmail.Create(clock, null, "pickup", "lin@customer.test", $"Lin Unsure {tag}", EmailComposer.Compose(QueueEmail.Pickup, shop), "tester");
        // As a host that died mid-send leaves it once the next attempt found it.
        (mail.Status, mail.Error, mail.Attempts) = (MailStatus.Unconfirmed, EmailDelivery.UnconfirmedError, 1);
        await table.CommitAsync(BrowserApp.ShopId, [new TableWrite.Insert(Keys.Mail(mail.Id), mail)]);
        var page = await app.NewPageAsync(signInAs: BrowserApp.Staff);

        await page.GotoAsync("/#/outbox");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new($"Lin Unsure {tag}") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send again…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Check with the customer first");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();

        await Expect(page.GetByText("Sent again for an unconfirmed email.")).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Button, new() { NameRegex = new($"Lin Unsure {tag}") });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Last).ToContainTextAsync("Unconfirmed");
        await Expect(rows.First).ToContainTextAsync("Outbox", new() { Timeout = 15_000 });
    }
}
