using JewelBench.Functions.Email;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace JewelBench.Functions.Tests.Email;

/// <summary>
/// A host with its own table and queues, a test clock and no background consumers (the test hands it messages one by
/// one), optionally sending through a <see cref="FakeSendGrid"/>. Its logs, down to Trace, go to <see cref="Logs"/>.
/// </summary>
public sealed class EmailHost(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string Shop = "email-shop";
    public const string ApiKey = "SG.test-key-must-never-be-logged.0123456789";

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    public CapturedLogs Logs { get; } = new();

    public static EmailHost Create(string connectionString, FakeSendGrid? sendGrid = null) => new(new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["jewelbench:storage:table"] = $"mail{Guid.NewGuid():N}"[..18],
        ["jewelbench:workflow:consumers"] = "0",
        ["jewelbench:workflow:maxAttempts"] = "3",
        ["jewelbench:workflow:retryBaseDelay"] = "00:00:00",
        ["jewelbench:workflow:maxTimerDelay"] = "00:00:00",
        ["jewelbench:workflow:sweepInterval"] = "01:00:00",
        ["jewelbench:reminders:reconcileInterval"] = "1.00:00:00",
        ["jewelbench:email:sendGridApiKey"] = sendGrid is null ? "" : ApiKey,
        ["jewelbench:email:sendGridBaseUrl"] = sendGrid?.BaseUrl ?? "https://api.sendgrid.com",
        ["jewelbench:email:fromAddress"] = "bench@shop.test",
        // The tests here hand the host its messages one at a time: a shop's digest timer would be among them.
        ["jewelbench:reminders:digest"] = "false",
    });

    public IShopTable Table => Services.GetRequiredService<IShopTable>();
    public OperationExecutor Executor => Services.GetRequiredService<OperationExecutor>();
    public WorkQueues Queues => Services.GetRequiredService<WorkQueues>();

    public async Task<OutboundEmail> MailAsync(string mailId) => (await Table.GetAsync<OutboundEmail>(Shop, Keys.Mail(mailId)))!.Value;
    public async Task<Operation> OperationAsync(string id) => (await Table.GetAsync<Operation>(Shop, Keys.Operation(id)))!.Value;

    /// <summary>Handles messages until none is visible; each retry here has no delay (or a timer the clock has passed).</summary>
    public Task<int> DrainAsync() => Executor.DrainAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
