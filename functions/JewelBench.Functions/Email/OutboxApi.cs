using JewelBench.Functions.Workflow;

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
        group.MapPost("/{mailId}/resend", Resend);
        return group;
    }

    public sealed record OutboxItemDto(string Id, string? JobId, string Purpose, string ToAddress, string ToName, string Subject,
        MailStatus Status, int Attempts, string? Error, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
        string? ResendOf);

    public sealed record OutboxMessageDto(string Id, string? JobId, string Purpose, string ToAddress, string ToName, string Subject,
        MailStatus Status, int Attempts, string? Error, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
        string Text, string Html, string? ResendOf);

    public static OutboxItemDto ToItemDto(this OutboundEmail m) =>
        new(m.Id, m.JobId, m.Purpose, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.Error, m.CreatedBy, m.CreatedAt, m.SentAt,
            m.ResendOf);

    public static OutboxMessageDto ToMessageDto(this OutboundEmail m) =>
        new(m.Id, m.JobId, m.Purpose, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.Error, m.CreatedBy, m.CreatedAt, m.SentAt,
            m.Text, m.Html, m.ResendOf);

    private static async Task<Ok<List<OutboxItemDto>>> List(Caller caller, IShopTable table, CancellationToken ct) =>
        TypedResults.Ok((await table.QueryAsync<OutboundEmail>(caller.ShopId, Keys.MailPrefix, ct)).Take(ListLimit)
            .Select(m => m.Value.ToItemDto()).ToList());

    private static async Task<IResult> Get(string mailId, Caller caller, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<OutboundEmail>(caller.ShopId, Keys.Mail(mailId), ct) is { } stored
            ? TypedResults.Ok(stored.Value.ToMessageDto())
            : Answers.NotFound($"Email {mailId} was not found.");

    /// <summary>
    /// An Unconfirmed email may or may not have reached the customer: once staff have checked, they send a copy as a new
    /// email (its own row and operation); the original stays as it was. A Failed one is sent again by its operation's Retry.
    /// </summary>
    private static async Task<IResult> Resend(string mailId, Caller caller, HttpRequest request, IShopTable table, Operations operations,
        TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        body.ThrowIfInvalid();
        if (await table.GetAsync<OutboundEmail>(caller.ShopId, Keys.Mail(mailId), ct) is not { Value: var original })
            return Answers.NotFound($"Email {mailId} was not found.");
        if (original.Status != MailStatus.Unconfirmed)
            throw new RuleConflictException(original.Status == MailStatus.Failed
                ? $"Email {mailId} failed: retry its operation, which sends this same email again."
                : $"Email {mailId} is {original.Status}: only an unconfirmed email is sent again.");
        var copy = OutboundEmail.Create(clock, original.JobId, original.Purpose, original.ToAddress, original.ToName,
            new ComposedEmail(original.Subject, original.Html, original.Text), caller.User);
        copy.ResendOf = original.Id;
        var (write, step) = EmailDelivery.Prepare(copy);
        var operation = operations.New(EmailDelivery.Kind, original.JobId, [step], caller.User);
        await table.CommitAsync(caller.ShopId, [write, Operations.RecordWrite(operation)], ct);
        await operations.EnqueueAsync(caller.ShopId, operation, ct);
        return Answers.WithLocation(TypedResults.Json(copy.ToItemDto(), statusCode: StatusCodes.Status202Accepted), $"/api/operations/{operation.Id}");
    }

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
