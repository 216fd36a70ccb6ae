using System.Globalization;
using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Status;

namespace JewelBench.Functions.Reminders;

/// <summary>A reminder that the customer's piece waits for them: since when, the balance due, the status page and a way to stop these.</summary>
public static class PickupReminderEmail
{
    public static EmailContent Content(Job job, ShopProfile shop, string publicUrl, string shopId, int number, int of)
    {
        var culture = CultureInfo.GetCultureInfo("en-US");
        var piece = job.Intake?.Item ?? job.Description;
        var baseUrl = publicUrl.TrimEnd('/');
        var facts = new List<EmailFact> { new("Job number", job.Id), new("Ready since", job.LaneSince.ToString("MMMM d, yyyy", culture)) };
        if (job.Invoice is { } invoice)
            facts.Add(new EmailFact("Balance due at pickup", $"{Math.Max(0, invoice.BalanceDue).ToString("0.00", culture)} {invoice.Currency}"));
        var link = StatusLinks.Path(shopId, job) is { } path ? new EmailLink("See your job's status", baseUrl + path) : null;
        var optOut = PickupReminder.OptOutUrl(publicUrl, shopId, job) is { } url ? new EmailLink("Stop pickup reminders", url) : null;
        return new EmailContent($"Reminder: your {piece} is waiting for you — {shop.Name}", "Your piece is ready for pickup",
            [$"Hello {job.Customer},", $"Your {piece} ({job.Description.ToLowerInvariant()}) is ready and waiting for you at {shop.Name}.",
                $"This is reminder {number} of {of}. Please collect it at your convenience, or contact us if you need more time."],
            facts, link, [], optOut);
    }
}
