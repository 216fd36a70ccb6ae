using JewelBench.Functions.Email;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Tests.Workflow;
using JewelBench.Functions.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Email;

/// <summary>One transition never sends two emails: real host processes killed with SIGKILL around the send.</summary>
[Collection(AppCollection.Name)]
public sealed class EmailProcessTests(JewelBenchApp app)
{
    private const string Shop = "mail-process-shop";

    private static Dictionary<string, string> Sending(FakeSendGrid sendGrid, Dictionary<string, string>? more = null) => new(more ?? [])
    {
        ["jewelbench__email__sendGridApiKey"] = EmailHost.ApiKey,
        ["jewelbench__email__sendGridBaseUrl"] = sendGrid.BaseUrl,
    };

    private async Task<(WebApplicationFactory<Program> Install, string Table, OutboundEmail Mail, Operation Operation)> QueueAsync()
    {
        var table = $"mailproc{Guid.NewGuid():N}"[..20];
        var install = app.NewInstall(new() { ["jewelbench:storage:table"] = table, ["jewelbench:workflow:consumers"] = "0" });
        await JewelBenchApp.EnsureShopAsync(install.Services, Shop);
        var (mail, operation) = await QueueEmail.QueueAsync(install.Services, Shop);
        return (install, table, mail, operation);
    }

    private static async Task<T> ReadAsync<T>(WebApplicationFactory<Program> install, string rowKey) =>
        (await install.Services.GetRequiredService<IShopTable>().GetAsync<T>(Shop, rowKey))!.Value;

    [Fact]
    public async Task AHostKilledWhileSendGridHasTheRequestNeverSendsItAgainAndTheEmailIsUnconfirmed()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sendGrid.BeforeAnswer = async _ => { received.TrySetResult(); await answer.Task; };
        var (install, table, mail, operation) = await QueueAsync();
        await using var _ = install;

        await using (var doomed = await HostProcess.StartAsync(app.ConnectionString, table, Sending(sendGrid)))
        {
            await received.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await doomed.KillAsync();
        }
        answer.SetResult();
        // Unconfirmed already when, under load, the message's 3 s lease lapsed and the host's other consumer looked at it.
        Assert.Contains((await ReadAsync<OutboundEmail>(install, Keys.Mail(mail.Id))).Status, new[] { MailStatus.Sending, MailStatus.Unconfirmed });

        sendGrid.BeforeAnswer = null;
        await using var revived = await HostProcess.StartAsync(app.ConnectionString, table, Sending(sendGrid));
        await HostProcess.Until(async () => (await ReadAsync<Operation>(install, Keys.Operation(operation.Id))).IsFinished,
            TimeSpan.FromSeconds(60), "the email operation to finish");

        Assert.Equal(1, sendGrid.CountFor(mail.Id));
        var unconfirmed = await ReadAsync<OutboundEmail>(install, Keys.Mail(mail.Id));
        Assert.Equal((MailStatus.Unconfirmed, EmailDelivery.UnconfirmedError, 1), (unconfirmed.Status, unconfirmed.Error, unconfirmed.Attempts));
        Assert.Equal(OperationStatus.Succeeded, (await ReadAsync<Operation>(install, Keys.Operation(operation.Id))).Status);
    }

    [Fact]
    public async Task AHostKilledAfterRecordingSentButBeforeItsCheckpointSendsNoSecondEmail()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        var (install, table, mail, operation) = await QueueAsync();
        await using var _ = install;
        var slowCheckpoint = new Dictionary<string, string> { ["jewelbench__workflow__faults__checkpointDelay"] = "00:05:00" };

        await using (var doomed = await HostProcess.StartAsync(app.ConnectionString, table, Sending(sendGrid, slowCheckpoint)))
        {
            await HostProcess.Until(async () => (await ReadAsync<OutboundEmail>(install, Keys.Mail(mail.Id))).Status == MailStatus.Sent,
                TimeSpan.FromSeconds(60), "the email to be recorded Sent");
            await doomed.KillAsync();
        }
        Assert.False((await ReadAsync<Operation>(install, Keys.Operation(operation.Id))).IsFinished);

        await using var revived = await HostProcess.StartAsync(app.ConnectionString, table, Sending(sendGrid));
        await HostProcess.Until(async () => (await ReadAsync<Operation>(install, Keys.Operation(operation.Id))).IsFinished,
            TimeSpan.FromSeconds(60), "the email operation to finish");

        Assert.Equal(1, sendGrid.CountFor(mail.Id));
        Assert.Equal(MailStatus.Sent, (await ReadAsync<OutboundEmail>(install, Keys.Mail(mail.Id))).Status);
        Assert.Equal(OperationStatus.Succeeded, (await ReadAsync<Operation>(install, Keys.Operation(operation.Id))).Status);
    }
}
