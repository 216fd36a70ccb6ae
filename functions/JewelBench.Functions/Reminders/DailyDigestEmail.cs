using JewelBench.Core.Shops;
using JewelBench.Functions.Email;

namespace JewelBench.Functions.Reminders;

/// <summary>One job in the digest: days stuck in its lane, days past its target date, or both.</summary>
public sealed record DigestEntry(string JobId, string Description, string? Customer, string Lane, string Location, int? StuckDays,
    int? OverdueDays, DateOnly? TargetDate);

/// <summary>The staff's morning email: one row per job, linked to the job's page.</summary>
public static class DailyDigestEmail
{
    public static EmailContent Content(ShopProfile shop, DateOnly day, IReadOnlyList<DigestEntry> entries, string publicUrl)
    {
        var baseUrl = publicUrl.TrimEnd('/');
        var (stuck, overdue) = (entries.Count(e => e.StuckDays is not null), entries.Count(e => e.OverdueDays is not null));
        var facts = entries.Select(e => new EmailFact(
            $"{e.JobId} · {e.Description}{(e.Customer is { } c ? $" ({c})" : "")}",
            string.Join(" · ", Parts(e)),
            $"{baseUrl}/#/jobs/{Uri.EscapeDataString(e.JobId)}")).ToList();
        return new EmailContent($"Daily digest: {Count(stuck, "stuck")}, {Count(overdue, "overdue")} — {shop.Name}",
            $"Jobs that need a look, {day:dddd d MMMM}",
            [$"Good morning. {Jobs(stuck)} stuck past {(stuck == 1 ? "its" : "their")} lane's threshold and {Jobs(overdue)} past {(overdue == 1 ? "its" : "their")} target date."],
            facts, new EmailLink("Open the board", $"{baseUrl}/#/board"));
    }

    private static IEnumerable<string> Parts(DigestEntry e)
    {
        if (e.StuckDays is { } stuck) yield return $"Stuck {Days(stuck)}";
        if (e.OverdueDays is { } overdue) yield return $"Overdue {Days(overdue)} (due {e.TargetDate:yyyy-MM-dd})";
        yield return e.Lane;
        yield return e.Location;
    }

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
    private static string Count(int n, string what) => $"{n} {what}";
    private static string Jobs(int n) => n == 1 ? "1 job is" : $"{n} jobs are";
}
