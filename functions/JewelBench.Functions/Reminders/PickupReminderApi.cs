using System.Net;
using JewelBench.Functions.Auth;
using JewelBench.Functions.Email;

namespace JewelBench.Functions.Reminders;

/// <summary>A pickup reminder as the notice trail shows it: when, to whom, which email, and what became of it.</summary>
public sealed record PickupNoticeDto(int Lapse, int Number, DateTimeOffset At, string ToAddress, string MailId, MailStatus? Status,
    DateTimeOffset? SentAt);

/// <summary>The notice trail of a job, for the shop's abandoned-property policy.</summary>
public sealed record NoticesDto(string JobId, string Description, string? Customer, string? Item, JobStatus Status, DateTimeOffset LaneSince,
    UnclaimedMark? Unclaimed, DateTimeOffset? OptedOut, IReadOnlyList<PickupNoticeDto> Notices);

/// <summary>The customer's opt-out link (anonymous, by token) and the job's notice trail (staff).</summary>
public static class PickupReminderApi
{
    private const string Invalid = "This link is not valid. Please contact the shop.";
    private const int Attempts = 5;

    public static IEndpointRouteBuilder MapPickupReminders(this IEndpointRouteBuilder routes)
    {
        // A GET only shows the question: mail scanners open links, and must not opt a customer out by doing so.
        var optOut = routes.MapGroup("/reminders/opt-out/{token}").WithTags("Reminders").AllowAnonymous().RequireRateLimiting(Policies.SignInLimit);
        optOut.MapGet("/", Ask);
        optOut.MapPost("/", OptOut);
        routes.MapGet("/jobs/{id}/notices", Notices).WithTags("Reminders");
        return routes;
    }

    private static async Task<IResult> Ask(string token, IShopTable table, CancellationToken ct) =>
        await FindAsync(token, table, ct) is { } found
            ? Page("Stop pickup reminders?", $"Stop the reminders about job {found.Job.Value.Id}? The shop will keep your piece for you.",
                "<form method=\"post\"><button type=\"submit\">Stop pickup reminders</button></form>")
            : Answers.NotFound(Invalid);

    /// <summary>Records the opt-out in the job's history, conditional on the job's ETag; a second one changes nothing.</summary>
    private static async Task<IResult> OptOut(string token, HttpRequest request, IShopTable table, TimeProvider clock, CancellationToken ct)
    {
        // The page's form posts nothing; a body means someone is guessing at an input this link does not take.
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            return TypedResults.Problem("The opt-out link takes no input.", statusCode: StatusCodes.Status400BadRequest, title: "No input expected");
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(token, table, ct) is not var (shopId, stored)) return Answers.NotFound(Invalid);
            var job = stored.Value;
            if (!job.OptOutOfPickupReminders(new Change("Customer (reminder link)", clock.GetUtcNow()))) break;
            job.Version++;
            try
            {
                await table.CommitAsync(shopId, RecordedWrites.History(job.Id, job.TakeEvents())
                    .Prepend(new TableWrite.Replace(stored.RowKey, job, stored.ETag)).ToList(), ct);
                break;
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
            }
        }
        return Page("Pickup reminders stopped", "You will not get further pickup reminders for this job. Your piece is still ready for you at the shop.", "");
    }

    private static async Task<Ok<NoticesDto>> Notices(string id, Caller caller, IShopTable table, CancellationToken ct)
    {
        var job = (await table.GetAsync<Job>(caller.ShopId, Keys.Job(id), ct))?.Value ?? throw new NotFoundException($"Job {id} was not found.");
        var notices = new List<PickupNoticeDto>();
        foreach (var n in job.PickupNotices)
        {
            var mail = (await table.GetAsync<OutboundEmail>(caller.ShopId, Keys.Mail(n.MailId), ct))?.Value;
            notices.Add(new PickupNoticeDto(n.Lapse, n.Number, n.At, n.ToAddress, n.MailId, mail?.Status, mail?.SentAt));
        }
        return TypedResults.Ok(new NoticesDto(job.Id, job.Description, job.Customer, job.Intake?.Item, job.Status, job.LaneSince, job.Unclaimed,
            job.PickupRemindersOptedOut, notices));
    }

    /// <summary>The token is "{shop}.{hash of the status secret}"; the job must still hold that secret.</summary>
    private static async Task<(string ShopId, Stored<Job> Job)?> FindAsync(string token, IShopTable table, CancellationToken ct)
    {
        if (token.Split('.') is not [var shopId, var hash] || hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)
            || shopId.Length is 0 or > 40 || !shopId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return null;
        if (await table.GetAsync<Status.StatusLink>(shopId, Keys.StatusTokenHash(hash), ct) is not { } link) return null;
        return await table.GetAsync<Job>(shopId, Keys.Job(link.Value.JobId), ct) is { } job && job.Value.StatusToken is { } secret
            && Keys.Hash(secret) == hash ? (shopId, job) : null;
    }

    private static IResult Page(string title, string text, string form) => TypedResults.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{WebUtility.HtmlEncode(title)}</title></head><body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{form}</main></body></html>",
        "text/html; charset=utf-8");
}
