using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Workflow;

[Collection(AppCollection.Name)]
public sealed class OperationEngineTests(JewelBenchApp app)
{
    [Fact]
    public async Task AnOperationRunsEachStepOnceInOrderAndItsStatusAnswers202Then200()
    {
        await using var host = WorkflowHost.Create(app.ConnectionString);
        var operation = await host.StartAsync();
        var client = await JewelBenchApp.OwnerClientAsync(host, WorkflowHost.Shop);

        var running = await client.GetAsync($"/api/operations/{operation.Id}");
        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal($"/api/operations/{operation.Id}", running.Headers.Location?.OriginalString);
        Assert.Equal("1", running.Headers.GetValues("Retry-After").Single());

        Assert.Equal(1, await host.DrainAsync());

        var done = await (await client.GetAsync($"/api/operations/{operation.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Succeeded", 3, 3), ((string)done["status"]!, (int)done["done"]!, (int)done["total"]!));
        Assert.Equal([$"{operation.Id}:a", $"{operation.Id}:b", $"{operation.Id}:c"], host.Steps.Ran);
    }

    [Fact]
    public async Task ARepeatedMessageIsHarmless()
    {
        await using var host = WorkflowHost.Create(app.ConnectionString);
        var operation = await host.StartAsync();
        await host.Queues.Work.SendAsync(Operations.Message(WorkflowHost.Shop, operation.Id), TimeSpan.Zero);

        Assert.Equal(2, await host.DrainAsync());

        Assert.Equal(OperationStatus.Succeeded, (await host.ReadAsync(operation.Id)).Status);
        Assert.All(new[] { "a", "b", "c" }, step => Assert.Equal(1, host.Steps.Count(operation.Id, step)));
    }

    [Fact]
    public async Task AMessageWithoutItsRecordIsLookedAtAFewTimesThenDropped()
    {
        await using var host = WorkflowHost.Create(app.ConnectionString);
        await host.Queues.Work.SendAsync(Operations.Message(WorkflowHost.Shop, "op-000000000000"), TimeSpan.Zero);

        Assert.Equal(3, await host.DrainAsync());

        Assert.Null(await host.Queues.Work.ReceiveAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task AFailingStepIsRetriedThenPoisonedAndRetryResumesFromThatStep()
    {
        await using var host = WorkflowHost.Create(app.ConnectionString, maxAttempts: 3);
        host.Steps.FailAt = "b";
        var operation = await host.StartAsync();
        var client = await JewelBenchApp.OwnerClientAsync(host, WorkflowHost.Shop);

        Assert.Equal(3, await host.DrainAsync());

        var failed = await (await client.GetAsync($"/api/operations/{operation.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Failed", 3, "b", 1), ((string)failed["status"]!, (int)failed["attempts"]!, (string)failed["failedStep"]!, (int)failed["done"]!));
        Assert.Equal("Step b was made to fail.", (string)failed["lastError"]!);
        var poisoned = await host.Queues.Poison.ReceiveAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(operation.Id, poisoned!.Body);
        Assert.InRange(poisoned.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));

        host.Steps.FailAt = null;
        var retried = await client.PostAsJsonAsync($"/api/operations/{operation.Id}/retry", new { });
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(1, await host.DrainAsync());

        Assert.Equal(OperationStatus.Succeeded, (await host.ReadAsync(operation.Id)).Status);
        Assert.All(new[] { "a", "b", "c" }, step => Assert.Equal(1, host.Steps.Count(operation.Id, step)));
        await (await client.PostAsJsonAsync($"/api/operations/{operation.Id}/retry", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(1, 2.0, 2.4)]
    [InlineData(2, 4.0, 4.8)]
    [InlineData(5, 32.0, 38.4)]
    [InlineData(20, 300.0, 360.0)]
    public void RetriesWaitLongerEachTimeWithJitterUpToTheCap(int attempt, double least, double most)
    {
        var executor = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(TimeProvider.System)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new WorkflowOptions()))
            .AddSingleton<IShopTable>(new Moq.Mock<IShopTable>().Object)
            .AddSingleton(new WorkQueues(Microsoft.Extensions.Options.Options.Create(new StorageOptions()), Microsoft.Extensions.Options.Options.Create(new WorkflowOptions())))
            .AddSingleton<OperationExecutor>().BuildServiceProvider().GetRequiredService<OperationExecutor>();

        var delays = Enumerable.Range(0, 50).Select(_ => executor.Backoff(attempt).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, least, most));
        Assert.True(delays.Distinct().Count() > 1, "The delays have no jitter.");
    }

    /// <summary>With the hop length set to zero here, each message handled is one hop of the chain.</summary>
    [Fact]
    public async Task ATimerDueInEightDaysFiresOnceAfterItsTimeAlsoAcrossARestart()
    {
        await using var first = WorkflowHost.Create(app.ConnectionString);
        var operation = await first.StartAsync(dueAt: first.Clock.GetUtcNow().AddDays(8));

        Assert.True(await first.Executor.RunOnceAsync());
        Assert.Equal(OperationStatus.Pending, (await first.ReadAsync(operation.Id)).Status);
        await first.DisposeAsync();

        await using var restarted = first.Restart();
        first.Clock.Advance(TimeSpan.FromDays(7));
        Assert.True(await restarted.Executor.RunOnceAsync());
        Assert.Empty(restarted.Steps.Ran);

        first.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.True(await restarted.Executor.RunOnceAsync());

        Assert.Equal(OperationStatus.Succeeded, (await restarted.ReadAsync(operation.Id)).Status);
        Assert.Equal(3, restarted.Steps.Ran.Count);
        Assert.Equal(0, await restarted.DrainAsync());
    }

    [Fact]
    public async Task AQueueMessageCanWaitSixDaysTheLongestHopOfATimer()
    {
        await using var host = WorkflowHost.Create(app.ConnectionString);
        var queue = new AzureWorkQueue(app.ConnectionString, $"hop{Guid.NewGuid():N}", TimeSpan.FromDays(6));
        await queue.CreateIfNotExistsAsync(default);

        await queue.SendAsync("later", TimeSpan.FromDays(6));

        Assert.Null(await queue.ReceiveAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task AnOperationWhoseMessageWasLostIsFoundByTheSweepAndFinished()
    {
        await using var host = WorkflowHost.Create(app.ConnectionString);
        await JewelBenchApp.EnsureShopAsync(host.Services, WorkflowHost.Shop);
        var operation = host.Operations.New(TestSteps.Kind, null, [new OperationStep { Name = "only" }], "tester");
        await host.Table.CommitAsync(WorkflowHost.Shop, [Operations.RecordWrite(operation)]);
        var sweep = host.Services.GetRequiredService<OperationSweep>();

        Assert.Equal(0, (await sweep.RunOnceAsync()).Requeued);
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, (await sweep.RunOnceAsync()).Requeued);
        await host.DrainAsync();

        Assert.Equal(OperationStatus.Succeeded, (await host.ReadAsync(operation.Id)).Status);
        Assert.Equal(0, (await sweep.RunOnceAsync()).Requeued);
    }

    [Fact]
    public async Task FinishedOperationsArePurgedAfterRetentionButAJobsHistoryIsNot()
    {
        await using var host = WorkflowHost.Create(app.ConnectionString);
        var operation = await host.StartAsync();
        await host.DrainAsync();
        await host.Table.CommitAsync(WorkflowHost.Shop, [new TableWrite.Insert(Keys.History("P-0001", 1),
            new Core.History.HistoryEvent(1, host.Clock.GetUtcNow(), "tester", "Created", "Job P-0001 created"))]);
        var sweep = host.Services.GetRequiredService<OperationSweep>();

        host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await sweep.RunOnceAsync()).Purged);
        host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await sweep.RunOnceAsync()).Purged);

        Assert.Null(await host.Table.GetAsync<Operation>(WorkflowHost.Shop, Keys.Operation(operation.Id)));
        Assert.NotNull(await host.Table.GetAsync<Core.History.HistoryEvent>(WorkflowHost.Shop, Keys.History("P-0001", 1)));
    }

    [Fact]
    public async Task AtShutdownTheStepInFlightIsFinishedAndSavedAndTheNextInstanceGoesOnFromTheNextStep()
    {
        await using var host = WorkflowHost.Create(app.ConnectionString);
        var operation = await host.StartAsync();
        using var stopping = new CancellationTokenSource();
        host.Steps.During = step => { if (step == "a") stopping.Cancel(); };

        Assert.True(await host.Executor.RunOnceAsync(stopping.Token));
        host.Steps.During = null;

        var saved = await host.ReadAsync(operation.Id);
        Assert.Equal((OperationStatus.Running, 1), (saved.Status, saved.Done));
        await using var next = host.Restart();
        Assert.Equal(1, await next.DrainAsync());
        Assert.Equal(OperationStatus.Succeeded, (await next.ReadAsync(operation.Id)).Status);
        Assert.All(new[] { "a", "b", "c" }, step => Assert.Equal(1, next.Steps.Count(operation.Id, step)));
    }

    [Fact]
    public async Task TheBackgroundWorkersOfTwoInstancesDrainABacklogRunningEveryStepOnce()
    {
        await using var first = WorkflowHost.Create(app.ConnectionString, consumers: 2);
        await using var second = first.Restart();
        var started = new List<Operation>();
        for (var i = 0; i < 40; i++) started.Add(await first.StartAsync());
        _ = second.Services;

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (first.Steps.Ran.Count < 120 && DateTime.UtcNow < deadline) await Task.Delay(50);

        foreach (var operation in started)
        {
            Assert.Equal(OperationStatus.Succeeded, (await first.ReadAsync(operation.Id)).Status);
            Assert.All(new[] { "a", "b", "c" }, step => Assert.Equal(1, first.Steps.Count(operation.Id, step)));
        }
    }
}
