using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Email;

/// <summary>
/// Sends one queued email, at most once. The row is marked Sending (conditional on its ETag) before the send and
/// Sent after it; a step that finds it Sending knows an earlier attempt died mid-send and marks it Unconfirmed
/// rather than risk a second email. With no SendGrid key the email goes to the outbox instead.
/// </summary>
public sealed class EmailDelivery(IShopTable table, IMailSender sender, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<EmailDelivery> logger) : IOperationKind
{
    public const string Kind = "email";

    public const string UnconfirmedError =
        "Sending was interrupted after the email was handed to the mail service: it may or may not have been delivered; check and resend.";

    public string Name => Kind;

    /// <summary>
    /// For a command's own transaction: the mail row (Queued) and the step of an operation of kind <see cref="Kind"/>
    /// that sends it, e.g. <c>operations.New(EmailDelivery.Kind, jobId, [step], user)</c>.
    /// </summary>
    public static (TableWrite Write, OperationStep Step) Prepare(OutboundEmail email)
    {
        email.Status = MailStatus.Queued;
        return (new TableWrite.Insert(Keys.Mail(email.Id), email),
            new OperationStep { Name = $"send {email.Id}", Args = new JsonObject { ["mailId"] = email.Id } });
    }

    public async Task RunStepAsync(StepContext context, OperationStep step, CancellationToken ct)
    {
        var mailId = (string)step.Args!["mailId"]!;
        var stored = await table.GetAsync<OutboundEmail>(context.Shop, Keys.Mail(mailId), ct)
                     ?? throw new PermanentStepException($"Email {mailId} was not found.");
        var (mail, etag) = (stored.Value, stored.ETag);
        switch (mail.Status)
        {
            case MailStatus.Sent or MailStatus.Outbox or MailStatus.Unconfirmed:
                return;
            case MailStatus.Sending:
                mail.Status = MailStatus.Unconfirmed;
                mail.Error = UnconfirmedError;
                await SaveAsync(context.Shop, mail, etag, ct);
                logger.LogWarning("Email {Mail} was cut off mid-send; marked Unconfirmed", mail.Id);
                return;
        }
        // Queued, or Failed when the failed operation is retried: a rejected email was not accepted, so sending it
        // again cannot make a second copy.
        if (!options.Value.SendsMail)
        {
            (mail.Status, mail.Error) = (MailStatus.Outbox, null);
            await SaveAsync(context.Shop, mail, etag, ct);
            return;
        }
        await SendAsync(context.Shop, mail, etag, ct);
    }

    private async Task SendAsync(string shop, OutboundEmail mail, string etag, CancellationToken ct)
    {
        var from = await FromAsync(shop, ct);
        (mail.Status, mail.Error) = (MailStatus.Sending, null);
        mail.Attempts++;
        // A worker that lost a race for the row stops here, before sending.
        etag = await SaveAsync(shop, mail, etag, ct);
        try
        {
            await sender.SendAsync(mail, from, ct);
        }
        catch (MailSendException e) when (e.Failure == SendFailure.Retryable)
        {
            (mail.Status, mail.Error) = (MailStatus.Queued, e.Message);
            await SaveAsync(shop, mail, etag, ct);
            if (e.RetryAfter is { } wait) throw new RetryAfterException(wait, e.Message, e);
            throw;
        }
        catch (MailSendException e) when (e.Failure == SendFailure.Rejected)
        {
            (mail.Status, mail.Error) = (MailStatus.Failed, e.Message);
            await SaveAsync(shop, mail, etag, ct);
            throw new PermanentStepException(e.Message, e);
        }
        catch (MailSendException e)
        {
            (mail.Status, mail.Error) = (MailStatus.Unconfirmed, $"{e.Message} It may or may not have been delivered; check and resend.");
            await SaveAsync(shop, mail, etag, ct);
            return;
        }
        (mail.Status, mail.SentAt) = (MailStatus.Sent, clock.GetUtcNow());
        await SaveAsync(shop, mail, etag, ct);
        logger.LogInformation("Email {Mail} ({Purpose}) sent", mail.Id, mail.Purpose);
    }

    private async Task<MailFrom> FromAsync(string shop, CancellationToken ct)
    {
        var profile = await table.GetAsync<ShopProfile>(shop, Keys.Shop, ct);
        var replyTo = options.Value.ReplyToAddress;
        return new MailFrom(options.Value.FromAddress, profile?.Value.Name is { Length: > 0 } name ? name : "JewelBench",
            replyTo.Length > 0 ? replyTo : null);
    }

    private async Task<string> SaveAsync(string shop, OutboundEmail mail, string etag, CancellationToken ct) =>
        (await table.CommitAsync(shop, [new TableWrite.Replace(Keys.Mail(mail.Id), mail, etag)], ct))[0];
}
