namespace JewelBench.Functions.Email;

public sealed record MailFrom(string Address, string Name, string? ReplyTo = null);

/// <summary>
/// Retryable: not accepted, try again later (429, 5xx, no connection). Rejected: the service refused this email
/// (4xx); sending it again unchanged fails again. Unknown: it may have been accepted (a timeout or a connection
/// lost after the request went out); sending again could deliver it twice.
/// </summary>
public enum SendFailure { Retryable, Rejected, Unknown }

public sealed class MailSendException(SendFailure failure, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public SendFailure Failure { get; } = failure;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

public interface IMailSender
{
    /// <summary>Returns when the service has accepted the email; throws <see cref="MailSendException"/> otherwise.</summary>
    Task SendAsync(OutboundEmail mail, MailFrom from, CancellationToken ct);
}
