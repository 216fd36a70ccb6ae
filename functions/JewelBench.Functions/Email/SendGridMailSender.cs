using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Email;

/// <summary>
/// SendGrid's v3 Web API (POST /v3/mail/send; 202 = accepted). The SendGrid package is not on the package source,
/// and one JSON POST needs no more. The mail id travels as a custom arg, so SendGrid's activity and webhooks name it.
/// </summary>
public sealed class SendGridMailSender(IHttpClientFactory clients, IOptions<EmailOptions> options, TimeProvider clock) : IMailSender
{
    public const string ClientName = "sendgrid";

    public async Task SendAsync(OutboundEmail mail, MailFrom from, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.SendGridBaseUrl), "/v3/mail/send"))
        {
            Content = JsonContent.Create(Body(mail, from)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.SendGridApiKey);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                                                 or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            throw new MailSendException(SendFailure.Retryable, $"Could not reach SendGrid: {e.Message}", inner: e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new MailSendException(SendFailure.Unknown, $"SendGrid did not answer: {e.Message}", inner: e);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Accepted) return;
            var errors = await ErrorsAsync(response, ct);
            var status = (int)response.StatusCode;
            var message = $"SendGrid answered {status} {response.ReasonPhrase}{(errors.Length > 0 ? ": " + errors : "")}";
            if (status is 429 or 408 or >= 500)
                throw new MailSendException(SendFailure.Retryable, message, status is 429 or 503 ? RetryAfter(response) : null);
            throw new MailSendException(SendFailure.Rejected, message);
        }
    }

    public static JsonObject Body(OutboundEmail mail, MailFrom from)
    {
        var to = new JsonObject { ["email"] = mail.ToAddress };
        if (mail.ToName.Length > 0) to["name"] = mail.ToName;
        var body = new JsonObject
        {
            ["personalizations"] = new JsonArray(new JsonObject
            {
                ["to"] = new JsonArray(to),
                ["custom_args"] = new JsonObject { ["jewelbench_mail_id"] = mail.Id },
            }),
            ["from"] = new JsonObject { ["email"] = from.Address, ["name"] = from.Name },
            ["subject"] = mail.Subject,
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text/plain", ["value"] = mail.Text },
                new JsonObject { ["type"] = "text/html", ["value"] = mail.Html }),
            ["custom_args"] = new JsonObject { ["jewelbench_mail_id"] = mail.Id },
        };
        if (!string.IsNullOrEmpty(from.ReplyTo)) body["reply_to"] = new JsonObject { ["email"] = from.ReplyTo };
        return body;
    }

    /// <summary>Retry-After in seconds or as an HTTP date.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>SendGrid's error body: {"errors":[{"message":…,"field":…}]}; its messages joined.</summary>
    private static async Task<string> ErrorsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
            var messages = body?["errors"]?.AsArray().Select(e => (string?)e?["message"]).OfType<string>() ?? [];
            var joined = string.Join("; ", messages);
            return joined.Length > 1000 ? joined[..1000] : joined;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or HttpRequestException)
        {
            return "";
        }
    }
}
