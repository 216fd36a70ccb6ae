using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Email;

/// <summary>What a domain command (pickup, intake) does to email a customer, as the tests do it.</summary>
public static class QueueEmail
{
    public static readonly EmailContent Pickup = new("Your ring is ready for pickup", "Ready for pickup, Ada",
        ["Your ring has been resized and polished.", "Bring this email or your ticket."],
        [new EmailFact("Resize", "$40.00"), new EmailFact("Deposit", "-$20.00"), new EmailFact("Balance due", "$20.00")],
        new EmailLink("View your invoice", "https://shop.test/invoices/I-0001"), ["https://shop.test/photos/ring.jpg"]);

    /// <summary>
    /// The mail row and the operation's record in the command's one transaction (here the only writes), then the
    /// message: the same as <c>operations.AcceptedAsync</c> does after a command answers.
    /// </summary>
    public static async Task<(OutboundEmail Mail, Operation Operation)> QueueAsync(IServiceProvider services, string shop,
        string to = "ada@customer.test", string toName = "Ada Lovelace", string jobId = "R-0001")
    {
        var table = services.GetRequiredService<IShopTable>();
        var operations = services.GetRequiredService<Operations>();
        var clock = services.GetRequiredService<TimeProvider>();
        var profile = (await table.GetAsync<ShopProfile>(shop, Keys.Shop))!.Value;

        var email = OutboundEmail.Create(clock, jobId, "pickup", to, toName, EmailComposer.Compose(Pickup, profile), "tester");
        var (mailWrite, step) = EmailDelivery.Prepare(email);
        var operation = operations.New(EmailDelivery.Kind, jobId, [step], "tester");
        await table.CommitAsync(shop, [mailWrite, Operations.RecordWrite(operation)]);
        await operations.EnqueueAsync(shop, operation);
        return (email, operation);
    }
}
