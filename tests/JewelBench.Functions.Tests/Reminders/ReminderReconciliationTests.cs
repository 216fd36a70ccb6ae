using System.Net;
using JewelBench.Core.Jobs;
using JewelBench.Functions.Jobs;
using JewelBench.Functions.Reminders;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Reminders;

/// <summary>Jobs that reached the board without a reminder timer (imported, restored) get one from the reconciliation.</summary>
[Collection(AppCollection.Name)]
public sealed class ReminderReconciliationTests(JewelBenchApp app)
{
    /// <summary>A job in production written straight to the table, as an import or a restore would: no timer armed.</summary>
    private static async Task<string> ImportedJobAsync(ReminderHost host)
    {
        var at = host.Clock.GetUtcNow();
        var job = Job.Create($"P-9{Random.Shared.Next(100, 999)}", new NewJob("Imported bangle"), new Change("import", at));
        job.TransitionTo(JobStatus.InProduction, new Change("import", at));
        await host.Services.GetRequiredService<IShopTable>().CommitAsync(ReminderHost.Shop, [.. JobCommands.NewJobWrites(job)]);
        return job.Id;
    }

    [Fact]
    public async Task AJobWithoutATimerGetsOneOnceAndIsRemindedWhenItSitsTooLong()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var jobId = await ImportedJobAsync(host);
        var reconciliation = host.Services.GetRequiredService<ReminderReconciliation>();

        var first = await reconciliation.RunOnceAsync();
        var second = await reconciliation.RunOnceAsync();
        host.Clock.Advance(TimeSpan.FromDays(8));
        await host.DrainAsync();

        Assert.Equal((1, 0), (first, second));
        Assert.Single(await ReminderHost.StuckEventsAsync(owner, jobId));
    }

    [Fact]
    public async Task OnlyTheHolderOfTheLeaseReconciles()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        await host.OwnerAsync();
        await ImportedJobAsync(host);
        var reconciliation = host.Services.GetRequiredService<ReminderReconciliation>();
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        var held = await blobs.TryLeaseAsync(reconciliation.LockBlob, TimeSpan.FromSeconds(15));

        var whileHeld = await reconciliation.RunOnceAsync();
        await blobs.ReleaseLeaseAsync(reconciliation.LockBlob, held!);
        var afterwards = await reconciliation.RunOnceAsync();

        Assert.NotNull(held);
        Assert.Null(whileHeld);
        Assert.Equal(1, afterwards);
    }
}
