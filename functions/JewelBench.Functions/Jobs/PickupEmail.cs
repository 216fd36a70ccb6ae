using System.Globalization;
using JewelBench.Core.Invoices;
using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Status;

namespace JewelBench.Functions.Jobs;

/// <summary>The email that tells a customer their piece is ready: the invoice, the deposit applied, the balance due and the status page.</summary>
public static class PickupEmail
{
    public static EmailContent Content(Job job, Invoice invoice, ShopProfile shop, string publicUrl, string shopId)
    {
        var culture = CultureInfo.GetCultureInfo("en-US");
        string Money(decimal amount) => $"{amount.ToString("0.00", culture)} {invoice.Currency}";
        var piece = job.Intake?.Item ?? job.Description;
        var facts = invoice.Lines.Select(l => new EmailFact(l.Description, Money(l.Amount)))
            .Append(new EmailFact($"Tax ({invoice.TaxRate.ToString("0.###", culture)} %)", Money(invoice.Tax)))
            .Append(new EmailFact("Total", Money(invoice.Total)))
            .Append(new EmailFact("Deposit paid", Money(-invoice.DepositApplied)))
            .Append(new EmailFact("Balance due at pickup", Money(Math.Max(0, invoice.BalanceDue))))
            .ToList();
        var link = StatusLinks.Path(shopId, job) is { } path ? new EmailLink("See your job's status", publicUrl.TrimEnd('/') + path) : null;
        return new EmailContent($"Your {piece} is ready for pickup — {shop.Name}", "Ready for pickup",
            [$"Hello {job.Customer},", $"Good news: your {piece} ({job.Description.ToLowerInvariant()}) is ready to collect. Job number {job.Id}, invoice {invoice.Id}."],
            facts, link, []);
    }
}
