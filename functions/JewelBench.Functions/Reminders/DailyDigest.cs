using JewelBench.Core.Board;
using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Hosting;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Reminders;

/// <summary>
/// A shop's digest timer firing: the stuck and overdue jobs go to each active Owner and Staff user in one email, and the next
/// day's timer is armed. The mail rows and their sending operation are written in one transaction that inserts that
/// operation under an id made from (shop, day), so a re-run step, a second instance or a restart finds it there and
/// writes no second digest. A digest whose day has passed (the host was down) is skipped, not sent late.
/// </summary>
public sealed class DailyDigest(IShopTable table, DailyDigestTimers timers, Operations operations, TimeProvider clock,
    IOptions<JewelBenchOptions> options, ILogger<DailyDigest> logger) : IOperationKind
{
    public const string Kind = "daily-digest";
    public const string By = "Reminders";
    public const string Purpose = "digest";

    public string Name => Kind;

    public async Task RunStepAsync(StepContext context, OperationStep step, CancellationToken ct)
    {
        var day = DateOnly.ParseExact((string)step.Args!["day"]!, "yyyy-MM-dd");
        var shop = (await table.GetAsync<ShopProfile>(context.Shop, Keys.Shop, ct))?.Value;
        if (shop is null || !timers.Enabled) return;
        var now = clock.GetUtcNow();
        // The shop may have moved its time zone (or the install its hour) since the timer was armed.
        if (timers.DueAt(shop, day) > now)
            throw new StepDeferredException(timers.DueAt(shop, day), $"The digest of {day:yyyy-MM-dd} is not due yet.");
        if (ShopCalendar.Today(shop, now) == day) await SendAsync(context.Shop, shop, day, now, ct);
        else logger.LogInformation("Skipped shop {Shop}'s digest of {Day}: that day has passed", context.Shop, day);
        await timers.ArmAsync(context.Shop, shop, timers.NextDay(shop, now), ct);
    }

    private async Task SendAsync(string shopId, ShopProfile shop, DateOnly day, DateTimeOffset now, CancellationToken ct)
    {
        var entries = await EntriesAsync(shopId, day, now, ct);
        if (entries.Count == 0) return;
        var recipients = (await table.QueryAsync<ShopUser>(shopId, Keys.UserPrefix, ct)).Select(u => u.Value)
            .Where(u => u.Active && u.Role is (Role.Owner or Role.Staff) && u.Email.Length > 0).ToList();
        if (recipients.Count == 0) return;

        var message = EmailComposer.Compose(DailyDigestEmail.Content(shop, day, entries, options.Value.PublicUrl), shop);
        var mails = recipients.Select(u => OutboundEmail.Create(clock, null, Purpose, u.Email, u.Name, message, By))
            .Select(EmailDelivery.Prepare).ToList();
        var send = new Operation
        {
            Id = DailyDigestTimers.EmailOperationId(shopId, day), Kind = EmailDelivery.Kind, Steps = mails.Select(m => m.Step).ToList(),
            CreatedBy = By, CreatedAt = now, UpdatedAt = now,
        };
        try
        {
            await table.CommitAsync(shopId, [.. mails.Select(m => m.Write), Operations.RecordWrite(send)], ct);
            logger.LogInformation("Queued shop {Shop}'s digest of {Day}: {Jobs} jobs to {Recipients} people", shopId, day, entries.Count, recipients.Count);
        }
        catch (ConcurrencyException)
        {
            // Written before, by another instance or a run of this step cut short: its message is sent again below (a duplicate is harmless).
        }
        await operations.EnqueueAsync(shopId, send, ct);
    }

    /// <summary>The board's cards say which jobs may be stuck or overdue; each is read so that the job's own rules decide.</summary>
    private async Task<List<DigestEntry>> EntriesAsync(string shopId, DateOnly day, DateTimeOffset now, CancellationToken ct)
    {
        var cards = (await table.QueryAsync<BoardCard>(shopId, Keys.CardPrefix, ct)).Select(c => c.Value)
            .Where(c => c.Stuck is not null || c.DueDate < day);
        var entries = new List<DigestEntry>();
        foreach (var card in cards)
        {
            if (await table.GetAsync<Job>(shopId, Keys.Job(card.JobId), ct) is not { Value: var job }) continue;
            var stuckDays = job.Stuck is not null ? Math.Max(0, (int)(now - job.LaneSince).TotalDays) : (int?)null;
            var overdueDays = job.IsOverdue(day) ? day.DayNumber - job.TargetDate!.Value.DayNumber : (int?)null;
            if (stuckDays is null && overdueDays is null) continue;
            entries.Add(new DigestEntry(job.Id, job.Description, job.Customer, job.ReminderClock?.Title() ?? card.Lane.ToString(), card.Location,
                stuckDays, overdueDays, job.TargetDate));
        }
        return entries.OrderBy(e => e.StuckDays is null).ThenByDescending(e => e.StuckDays).ThenByDescending(e => e.OverdueDays)
            .ThenBy(e => e.JobId, StringComparer.Ordinal).ToList();
    }
}
