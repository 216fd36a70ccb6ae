namespace JewelBench.Functions.Email;

/// <summary>The shop's sent and unsent email: what left (or would have left) the shop, and what failed. Owner or Staff.</summary>
public static class OutboxApi
{
    /// <summary>The newest emails the list shows; older ones stay stored.</summary>
    private const int ListLimit = 200;

    /// <summary>
    /// The preview is the email's own HTML, so it gets a policy of its own: no script, no same-origin access (sandbox),
    /// inline styles and remote images as a mail client shows them, framed only by the app's own page.
    /// </summary>
    public const string PreviewPolicy =
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; frame-ancestors 'self'";

    public static RouteGroupBuilder MapOutbox(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/outbox").WithTags("Email");
        group.MapGet("/", List);
        group.MapGet("/{mailId}", Get);
        group.MapGet("/{mailId}/preview", Preview);
        return group;
    }

    public sealed record OutboxItemDto(string Id, string? JobId, string Purpose, string ToAddress, string ToName, string Subject,
        MailStatus Status, int Attempts, string? Error, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    public sealed record OutboxMessageDto(string Id, string? JobId, string Purpose, string ToAddress, string ToName, string Subject,
        MailStatus Status, int Attempts, string? Error, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
        string Text, string Html);

    public static OutboxItemDto ToItemDto(this OutboundEmail m) =>
        new(m.Id, m.JobId, m.Purpose, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.Error, m.CreatedBy, m.CreatedAt, m.SentAt);

    public static OutboxMessageDto ToMessageDto(this OutboundEmail m) =>
        new(m.Id, m.JobId, m.Purpose, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.Error, m.CreatedBy, m.CreatedAt, m.SentAt,
            m.Text, m.Html);

    private static async Task<Ok<List<OutboxItemDto>>> List(Caller caller, IShopTable table, CancellationToken ct) =>
        TypedResults.Ok((await table.QueryAsync<OutboundEmail>(caller.ShopId, Keys.MailPrefix, ct)).Take(ListLimit)
            .Select(m => m.Value.ToItemDto()).ToList());

    private static async Task<IResult> Get(string mailId, Caller caller, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<OutboundEmail>(caller.ShopId, Keys.Mail(mailId), ct) is { } stored
            ? TypedResults.Ok(stored.Value.ToMessageDto())
            : Answers.NotFound($"Email {mailId} was not found.");

    /// <summary>The HTML part alone, for the outbox page's sandboxed iframe.</summary>
    private static async Task<IResult> Preview(string mailId, Caller caller, HttpContext http, IShopTable table, CancellationToken ct)
    {
        if (await table.GetAsync<OutboundEmail>(caller.ShopId, Keys.Mail(mailId), ct) is not { } stored)
            return Answers.NotFound($"Email {mailId} was not found.");
        http.Response.Headers.ContentSecurityPolicy = PreviewPolicy;
        http.Response.Headers.XFrameOptions = "SAMEORIGIN";
        return TypedResults.Content(stored.Value.Html, "text/html; charset=utf-8");
    }
}
