using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Email;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Tests.Email;

[Collection(AppCollection.Name)]
public sealed class EmailDeliveryTests(JewelBenchApp app)
{
    private async Task<EmailHost> HostAsync(FakeSendGrid? sendGrid = null)
    {
        var host = EmailHost.Create(app.ConnectionString, sendGrid);
        await JewelBenchApp.EnsureShopAsync(host.Services, EmailHost.Shop);
        return host;
    }

    [Fact]
    public async Task SendGridGetsOneWellFormedRequestAndTheEmailIsSent()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await HostAsync(sendGrid);
        var (mail, operation) = await QueueEmail.QueueAsync(host.Services, EmailHost.Shop);

        Assert.Equal(1, await host.DrainAsync());

        var request = Assert.Single(sendGrid.Requests);
        Assert.Equal(("POST", "/v3/mail/send", $"Bearer {EmailHost.ApiKey}"), (request.Method, request.Path, request.Authorization));
        var body = request.Body;
        Assert.Equal("ada@customer.test", (string)body["personalizations"]![0]!["to"]![0]!["email"]!);
        Assert.Equal("Ada Lovelace", (string)body["personalizations"]![0]!["to"]![0]!["name"]!);
        Assert.Equal(mail.Id, (string)body["personalizations"]![0]!["custom_args"]!["jewelbench_mail_id"]!);
        Assert.Equal(mail.Id, (string)body["custom_args"]!["jewelbench_mail_id"]!);
        Assert.Equal(("bench@shop.test", "email-shop jewelers"), ((string)body["from"]!["email"]!, (string)body["from"]!["name"]!));
        Assert.Equal("Your ring is ready for pickup", (string)body["subject"]!);
        Assert.Equal(["text/plain", "text/html"], body["content"]!.AsArray().Select(c => (string)c!["type"]!));
        Assert.Equal(mail.Text, (string)body["content"]![0]!["value"]!);
        Assert.StartsWith("<!DOCTYPE html>", (string)body["content"]![1]!["value"]!);

        var sent = await host.MailAsync(mail.Id);
        Assert.Equal((MailStatus.Sent, 1, host.Clock.GetUtcNow(), null), (sent.Status, sent.Attempts, sent.SentAt, sent.Error));
        Assert.Equal(OperationStatus.Succeeded, (await host.OperationAsync(operation.Id)).Status);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(EmailHost.ApiKey));
    }

    [Theory]
    [InlineData(429, "7", 7)]
    [InlineData(503, "date", 30)]
    public async Task ARateLimitIsRetriedNoSoonerThanItsRetryAfterOnTheClockThenSentOnce(int status, string retryAfter, int seconds)
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await HostAsync(sendGrid);
        var header = retryAfter == "date" ? host.Clock.GetUtcNow().AddSeconds(seconds).ToString("R") : retryAfter;
        sendGrid.Script.Enqueue(new FakeSendGrid.Answer(status, """{"errors":[{"message":"too many requests"}]}""", header));
        var (mail, operation) = await QueueEmail.QueueAsync(host.Services, EmailHost.Shop);

        Assert.True(await host.Executor.RunOnceAsync());
        var waiting = await host.MailAsync(mail.Id);
        Assert.Equal(MailStatus.Queued, waiting.Status);
        Assert.Contains("too many requests", waiting.Error);
        Assert.Equal(host.Clock.GetUtcNow().AddSeconds(seconds), (await host.OperationAsync(operation.Id)).DueAt);

        host.Clock.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(100));
        Assert.True(await host.Executor.RunOnceAsync());
        Assert.Single(sendGrid.Requests);

        host.Clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(await host.Executor.RunOnceAsync());

        Assert.Equal(2, sendGrid.CountFor(mail.Id));
        Assert.Equal((MailStatus.Sent, 2, null), ((await host.MailAsync(mail.Id)).Status, (await host.MailAsync(mail.Id)).Attempts, (await host.MailAsync(mail.Id)).Error));
        Assert.Equal(OperationStatus.Succeeded, (await host.OperationAsync(operation.Id)).Status);
        Assert.Equal(0, await host.DrainAsync());
    }

    [Fact]
    public async Task AServerErrorPutsTheEmailBackInTheQueueAndTheNextAttemptSendsIt()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await HostAsync(sendGrid);
        sendGrid.Script.Enqueue(new FakeSendGrid.Answer(500));
        var (mail, operation) = await QueueEmail.QueueAsync(host.Services, EmailHost.Shop);

        Assert.Equal(2, await host.DrainAsync());

        Assert.Equal(2, sendGrid.CountFor(mail.Id));
        Assert.Equal(MailStatus.Sent, (await host.MailAsync(mail.Id)).Status);
        Assert.Equal(OperationStatus.Succeeded, (await host.OperationAsync(operation.Id)).Status);
    }

    [Fact]
    public async Task ARejectedEmailFailsAtOnceWithSendGridsMessageAndRetrySendsItAgain()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await HostAsync(sendGrid);
        const string why = "The from address does not match a verified Sender Identity.";
        sendGrid.Script.Enqueue(new FakeSendGrid.Answer(400, $$"""{"errors":[{"message":"{{why}}","field":"from","help":null}]}"""));
        var (mail, operation) = await QueueEmail.QueueAsync(host.Services, EmailHost.Shop);
        var owner = await JewelBenchApp.OwnerClientAsync(host, EmailHost.Shop);

        Assert.Equal(1, await host.DrainAsync());

        Assert.Equal(1, sendGrid.CountFor(mail.Id));
        var failed = await (await owner.GetAsync($"/api/operations/{operation.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Failed", 1), ((string)failed["status"]!, (int)failed["attempts"]!));
        Assert.Contains(why, (string)failed["lastError"]!);
        var shown = await (await owner.GetAsync($"/api/outbox/{mail.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Failed", (string)shown["status"]!);
        Assert.Equal($"SendGrid answered 400 Bad Request: {why}", (string)shown["error"]!);
        Assert.Contains(operation.Id, (await host.Queues.Poison.ReceiveAsync(TimeSpan.FromSeconds(30)))!.Body);

        var retried = await owner.PostAsJsonAsync($"/api/operations/{operation.Id}/retry", new { });
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(1, await host.DrainAsync());

        Assert.Equal(2, sendGrid.CountFor(mail.Id));
        var sent = await host.MailAsync(mail.Id);
        Assert.Equal((MailStatus.Sent, 2, null), (sent.Status, sent.Attempts, sent.Error));
        Assert.Equal(OperationStatus.Succeeded, (await host.OperationAsync(operation.Id)).Status);
    }

    [Fact]
    public async Task AnEmailFoundSendingIsMarkedUnconfirmedAndNeverSentAgain()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await HostAsync(sendGrid);
        var (mail, operation) = await QueueEmail.QueueAsync(host.Services, EmailHost.Shop);
        // As a process that died after recording the send leaves it.
        var stored = (await host.Table.GetAsync<OutboundEmail>(EmailHost.Shop, Keys.Mail(mail.Id)))!;
        (stored.Value.Status, stored.Value.Attempts) = (MailStatus.Sending, 1);
        await host.Table.CommitAsync(EmailHost.Shop, [new TableWrite.Replace(stored.RowKey, stored.Value, stored.ETag)]);

        Assert.Equal(1, await host.DrainAsync());

        Assert.Empty(sendGrid.Requests);
        var unconfirmed = await host.MailAsync(mail.Id);
        Assert.Equal((MailStatus.Unconfirmed, EmailDelivery.UnconfirmedError), (unconfirmed.Status, unconfirmed.Error));
        Assert.Equal(OperationStatus.Succeeded, (await host.OperationAsync(operation.Id)).Status);
    }

    /// <summary>After checking with the customer, staff send an unconfirmed email again: a new email, the original kept as it was.</summary>
    [Fact]
    public async Task AnUnconfirmedEmailIsSentAgainOnlyWhenStaffAskAndAsANewEmail()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await HostAsync(sendGrid);
        var (mail, _) = await QueueEmail.QueueAsync(host.Services, EmailHost.Shop);
        var stored = (await host.Table.GetAsync<OutboundEmail>(EmailHost.Shop, Keys.Mail(mail.Id)))!;
        (stored.Value.Status, stored.Value.Attempts) = (MailStatus.Sending, 1);
        await host.Table.CommitAsync(EmailHost.Shop, [new TableWrite.Replace(stored.RowKey, stored.Value, stored.ETag)]);
        await host.DrainAsync();
        var staff = await JewelBenchApp.OwnerClientAsync(host, EmailHost.Shop);

        var response = await staff.PostAsJsonAsync($"/api/outbox/{mail.Id}/resend", new { });
        var copy = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(1, await host.DrainAsync());
        var again = await staff.PostAsJsonAsync($"/api/outbox/{(string)copy["id"]!}/resend", new { });

        Assert.Equal((mail.Id, "Queued"), ((string)copy["resendOf"]!, (string)copy["status"]!));
        Assert.StartsWith("/api/operations/", response.Headers.Location?.OriginalString);
        Assert.Equal(1, sendGrid.CountFor((string)copy["id"]!));
        Assert.Equal(0, sendGrid.CountFor(mail.Id));
        Assert.Equal(MailStatus.Sent, (await host.MailAsync((string)copy["id"]!)).Status);
        Assert.Equal(MailStatus.Unconfirmed, (await host.MailAsync(mail.Id)).Status);
        await again.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task WithoutAnApiKeyEmailGoesToTheOutboxNewestFirstAndOnlyItsShopSeesIt()
    {
        await using var host = await HostAsync();
        var (first, _) = await QueueEmail.QueueAsync(host.Services, EmailHost.Shop, to: "first@customer.test");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var (second, operation) = await QueueEmail.QueueAsync(host.Services, EmailHost.Shop, to: "second@customer.test");

        Assert.Equal(2, await host.DrainAsync());

        Assert.Equal(OperationStatus.Succeeded, (await host.OperationAsync(operation.Id)).Status);
        var owner = await JewelBenchApp.OwnerClientAsync(host, EmailHost.Shop);
        var list = await (await owner.GetAsync("/api/outbox")).ReadArrayAsync();
        Assert.Equal([second.Id, first.Id], list.Select(m => (string)m!["id"]!));
        Assert.Equal(("Outbox", "second@customer.test", "pickup", "R-0001"),
            ((string)list[0]!["status"]!, (string)list[0]!["toAddress"]!, (string)list[0]!["purpose"]!, (string)list[0]!["jobId"]!));
        Assert.Null(list[0]!["html"]);
        var whole = await (await owner.GetAsync($"/api/outbox/{second.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((second.Html, second.Text), ((string)whole["html"]!, (string)whole["text"]!));
        var preview = await owner.GetAsync($"/api/outbox/{second.Id}/preview");
        Assert.Equal("text/html", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal(OutboxApi.PreviewPolicy, preview.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(second.Html, await preview.Content.ReadAsStringAsync());

        var stranger = await JewelBenchApp.OwnerClientAsync(host, "email-other-shop");
        await (await stranger.GetAsync($"/api/outbox/{second.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/outbox/{second.Id}/preview")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await (await stranger.GetAsync("/api/outbox")).ReadArrayAsync());
    }

    [Fact]
    public async Task TheApiKeyIsNeverLoggedWhenSendingOrWhenSendGridRefusesIt()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await HostAsync(sendGrid);
        sendGrid.Script.Enqueue(new FakeSendGrid.Answer(401, """{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked"}]}"""));
        await QueueEmail.QueueAsync(host.Services, EmailHost.Shop);
        await QueueEmail.QueueAsync(host.Services, EmailHost.Shop);

        Assert.Equal(2, await host.DrainAsync());

        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.Contains(host.Logs.Lines, l => l.Contains("/v3/mail/send"));
        Assert.Contains(host.Logs.Lines, l => l.Contains("authorization grant is invalid"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(EmailHost.ApiKey) || l.Contains("test-key-must-never"));
    }
}
