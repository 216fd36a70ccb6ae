using System.Security.Cryptography;

namespace JewelBench.Functions.Email;

/// <summary>
/// Queued → Sending → Sent (or Outbox with no mail service configured). Sending is recorded before the send, so
/// an attempt cut off mid-send is found on the next one and becomes Unconfirmed instead of a second email.
/// </summary>
public enum MailStatus { Queued, Sending, Sent, Outbox, Failed, Unconfirmed }

/// <summary>An email to a customer: the row <c>mail|{id}</c> in the shop's partition, written by the command that sends it.</summary>
public sealed class OutboundEmail
{
    public required string Id { get; init; }
    public string? JobId { get; init; }

    /// <summary>Why it was sent, e.g. "pickup", "intake-receipt".</summary>
    public required string Purpose { get; init; }
    public required string ToAddress { get; init; }
    public string ToName { get; init; } = "";
    public required string Subject { get; init; }
    public required string Text { get; init; }
    public required string Html { get; init; }
    public MailStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why it failed or is unconfirmed: the mail service's own messages where it gave any.</summary>
    public string? Error { get; set; }

    /// <summary>The unconfirmed email this one was sent again for, after staff checked with the customer.</summary>
    public string? ResendOf { get; set; }

    /// <summary>Sends attempted (recorded as Sending).</summary>
    public int Attempts { get; set; }

    public static OutboundEmail Create(TimeProvider clock, string? jobId, string purpose, string toAddress, string toName,
        ComposedEmail message, string createdBy) => new()
    {
        Id = MailIds.New(clock), JobId = jobId, Purpose = purpose, ToAddress = toAddress, ToName = toName,
        Subject = message.Subject, Text = message.Text, Html = message.Html, CreatedAt = clock.GetUtcNow(), CreatedBy = createdBy,
    };
}

public static class MailIds
{
    /// <summary>
    /// m-{inverted ticks}-{random}: in ordinal key order the newest comes first, so the outbox is one range read
    /// without sorting; 32 random bits keep two emails of the same tick apart.
    /// </summary>
    public static string New(TimeProvider clock) =>
        $"m-{DateTimeOffset.MaxValue.UtcTicks - clock.GetUtcNow().UtcTicks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
