using System.Collections.Concurrent;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JewelBench.Functions.Tests.Workflow;

/// <summary>
/// A kind of operation for the engine's tests: each step notes that it ran; a step can be made to fail
/// (the fault hook) or to run code (e.g. ask the host to stop) while it runs.
/// </summary>
public sealed class TestSteps : IOperationKind
{
    public const string Kind = "test-steps";

    public ConcurrentQueue<string> Ran { get; } = new();
    public string? FailAt { get; set; }
    public Action<string>? During { get; set; }

    public string Name => Kind;

    public Task RunStepAsync(StepContext context, OperationStep step, CancellationToken ct)
    {
        if (step.Name == FailAt) throw new InvalidOperationException($"Step {step.Name} was made to fail.");
        During?.Invoke(step.Name);
        Ran.Enqueue($"{context.Operation.Id}:{step.Name}");
        return Task.CompletedTask;
    }

    public int Count(string operationId, string step) => Ran.Count(r => r == $"{operationId}:{step}");
}

/// <summary>
/// A host on the shared Azurite with its own table and queues, the <see cref="TestSteps"/> kind and a clock
/// the test moves. By default no background consumer runs: a test takes messages one by one with
/// <see cref="OperationExecutor.RunOnceAsync"/>, so every step of the engine is observed without waiting.
/// A second host made with <see cref="Restart"/> shares the storage, as a restarted or second instance does.
/// </summary>
public sealed class WorkflowHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private WorkflowHost(Dictionary<string, string?> settings, TestSteps steps, ManualClock clock) =>
        (_settings, Steps, Clock) = (settings, steps, clock);

    public TestSteps Steps { get; }
    public ManualClock Clock { get; }
    public const string Shop = "workflow-shop";

    public static WorkflowHost Create(string connectionString, int consumers = 0, int maxAttempts = 3) => new(new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["jewelbench:storage:table"] = $"wf{Guid.NewGuid():N}"[..18],
        ["jewelbench:workflow:consumers"] = consumers.ToString(),
        // These tests count and step through the queue's messages: a shop's digest timer would be among them.
        ["jewelbench:reminders:digest"] = "false",
        ["jewelbench:workflow:maxAttempts"] = maxAttempts.ToString(),
        ["jewelbench:workflow:retryBaseDelay"] = "00:00:00",
        ["jewelbench:workflow:maxTimerDelay"] = "00:00:00",
        ["jewelbench:workflow:idlePoll"] = "00:00:00.050",
        ["jewelbench:workflow:orphanDeliveries"] = "3",
        ["jewelbench:workflow:sweepInterval"] = "01:00:00",
        ["jewelbench:reminders:reconcileInterval"] = "1.00:00:00",
    }, new TestSteps(), new ManualClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));

    /// <summary>Another host on the same table, queues, clock and step log.</summary>
    public WorkflowHost Restart() => new(_settings, Steps, Clock);

    public OperationExecutor Executor => Services.GetRequiredService<OperationExecutor>();
    public Operations Operations => Services.GetRequiredService<Operations>();
    public WorkQueues Queues => Services.GetRequiredService<WorkQueues>();
    public IShopTable Table => Services.GetRequiredService<IShopTable>();

    public async Task<Operation> StartAsync(DateTimeOffset? dueAt = null, params string[] steps)
    {
        await JewelBenchApp.EnsureShopAsync(Services, Shop);
        var operation = Operations.New(TestSteps.Kind, "P-0001", (steps.Length > 0 ? steps : ["a", "b", "c"])
            .Select(s => new OperationStep { Name = s }), "tester", dueAt);
        return await Operations.StartAsync(Shop, operation);
    }

    public async Task<Operation> ReadAsync(string operationId) => (await Table.GetAsync<Operation>(Shop, Keys.Operation(operationId)))!.Value;

    /// <summary>Handles messages until the queue has none visible.</summary>
    public Task<int> DrainAsync() => Executor.DrainAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddSingleton<IOperationKind>(Steps);
        });
    }
}
