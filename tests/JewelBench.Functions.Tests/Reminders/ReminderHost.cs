using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JewelBench.Functions.Tests.Reminders;

/// <summary>
/// A host with its own table and queues, a clock the test moves and no background consumer. Timer hops are zero, so a
/// timer's message comes straight back and fires on the first drain after the clock passes its time. A second host
/// made with <see cref="Restart"/> shares storage and clock, as a restarted or second instance does.
/// </summary>
public sealed class ReminderHost : WebApplicationFactory<Program>
{
    public const string Shop = "reminder-shop";
    private readonly Dictionary<string, string?> _settings;

    private ReminderHost(Dictionary<string, string?> settings, ManualClock clock) => (_settings, Clock) = (settings, clock);

    public ManualClock Clock { get; }

    public static ReminderHost Create(string connectionString) => new(new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["jewelbench:storage:table"] = $"rem{Guid.NewGuid():N}"[..18],
        ["jewelbench:workflow:consumers"] = "0",
        ["jewelbench:workflow:retryBaseDelay"] = "00:00:00",
        ["jewelbench:workflow:maxTimerDelay"] = "00:00:00",
        ["jewelbench:workflow:sweepInterval"] = "1.00:00:00",
        ["jewelbench:reminders:reconcileInterval"] = "1.00:00:00",
    }, new ManualClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));

    public ReminderHost Restart() => new(_settings, Clock);

    public OperationExecutor Executor => Services.GetRequiredService<OperationExecutor>();

    public Task<int> DrainAsync() => Executor.DrainAsync();

    public Task<HttpClient> OwnerAsync() => JewelBenchApp.OwnerClientAsync(this, Shop);

    /// <summary>A production job moved to In Production (lane In Progress), its id.</summary>
    public static async Task<string> InProgressJobAsync(HttpClient client, bool rush = false)
    {
        var created = await client.PostAsJsonAsync("/api/jobs", new { description = "Pavé band", rush });
        var id = (string)(await created.ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        (await client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        return id;
    }

    public static async Task<List<string>> StuckEventsAsync(HttpClient client, string jobId) =>
        (await (await client.GetAsync($"/api/jobs/{jobId}/history")).ReadArrayAsync())
        .Where(e => (string)e!["action"]! == "Stuck").Select(e => (string)e!["summary"]!).ToList();

    public static async Task<JsonObject?> CardAsync(HttpClient client, string jobId) =>
        (await (await client.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK))["lanes"]!.AsArray()
        .SelectMany(l => l!["cards"]!.AsArray()).Select(c => c!.AsObject()).SingleOrDefault(c => (string)c["jobId"]! == jobId);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
