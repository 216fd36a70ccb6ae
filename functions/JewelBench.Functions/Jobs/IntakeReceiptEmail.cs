using System.Globalization;
using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Status;

namespace JewelBench.Functions.Jobs;

/// <summary>
/// What the customer left with the shop, in writing: the piece, its condition at intake, the work, the promised date,
/// the deposit, the intake photos and the status page. Photos are linked through the status page's own photo route,
/// so they show without signing in and stop showing when the status link expires.
/// </summary>
public static class IntakeReceiptEmail
{
    public const string Purpose = "intake-receipt";

    public static EmailContent Content(Job job, ShopProfile shop, string publicUrl, string shopId)
    {
        var culture = CultureInfo.GetCultureInfo("en-US");
        var baseUrl = publicUrl.TrimEnd('/');
        var intake = job.Intake;
        var piece = intake?.Item ?? job.Description;
        var facts = new List<EmailFact> { new("Job number", job.Id), new("Item", piece) };
        if (intake?.Metal is { } metal) facts.Add(new("Metal", metal));
        if (intake?.Stones is { } stones) facts.Add(new("Stones", stones));
        facts.Add(new("Promised date", job.TargetDate?.ToString("dddd, MMMM d, yyyy", culture) ?? "To be confirmed"));
        if (job.Rush) facts.Add(new("Priority", "RUSH"));
        if (job.DepositTotal > 0) facts.Add(new("Deposit taken", $"{job.DepositTotal.ToString("0.00", culture)} {job.Currency}"));

        var paragraphs = new List<string>
        {
            $"Hello {job.Customer},",
            $"Thank you for leaving your {piece} with us. This is your receipt for job {job.Id}; please keep it until you collect your piece.",
            $"Work requested: {job.Description}",
            $"Condition at intake: {(string.IsNullOrWhiteSpace(intake?.Condition) ? "No remarks." : intake.Condition)}",
        };
        if (job.Signature is { } signature)
            paragraphs.Add($"Signed by the customer at intake on {InShopTime(signature.TakenAt, shop).ToString("MMMM d, yyyy", culture)}.");

        var token = job.StatusToken is { } secret ? $"{shopId}.{secret}" : null;
        var photos = token is null ? [] : job.Photos.Select(p => $"{baseUrl}/api/status/{token}/photos/{Uri.EscapeDataString(p.Id)}").ToList();
        var link = StatusLinks.Path(shopId, job) is { } path ? new EmailLink("Follow your job's status", baseUrl + path) : null;
        return new EmailContent($"Your {piece} is with us — intake receipt {job.Id} — {shop.Name}", "Intake receipt", paragraphs, facts, link, photos);
    }

    /// <summary>The day as the customer saw it at the counter, not in UTC.</summary>
    private static DateTimeOffset InShopTime(DateTimeOffset at, ShopProfile shop) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(shop.TimeZone, out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at;
}
