using JewelBench.Core.History;
using JewelBench.Core.Shops;
using JewelBench.Functions.Hosting;
using JewelBench.Functions.Jobs;
using JewelBench.Functions.Materials;
using JewelBench.Functions.Shops;
using JewelBench.Functions.Status;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Demo;

/// <summary>
/// On first run of `./jewelbench start`, opens the demo shop with an owner, a staff member and a kiosk
/// user, and fills it with jobs in every lane a production job can be in, stones and materials, and a style
/// catalog, written through the same
/// domain rules and transactions as the API's.
/// </summary>
public sealed class DemoShopSeeder(IShopTable table, ShopProvisioning provisioning, TimeProvider clock,
    IOptions<JewelBenchOptions> options, ILogger<DemoShopSeeder> logger) : IHostedService
{
    /// <summary>The demo's sign-ins, printed by `./jewelbench start` and listed in the README; demo data only.</summary>
    public const string OwnerEmail = "owner@demo.jewelbench.dev";
    public const string StaffEmail = "staff@demo.jewelbench.dev";
    public const string KioskEmail = "kiosk@demo.jewelbench.dev";
    public const string Password = "demo-bench-2026";

    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.SeedDemoShop) return;
        var shop = options.Value.DemoShop;
        if (await table.GetAsync<ShopProfile>(shop, Keys.Shop, ct) is null) await OpenShopAsync(shop, ct);
        else await provisioning.IndexAsync(shop, ct);
        if (await table.GetAsync<Counters.Counter>(shop, Keys.Counter("job-P"), ct) is null) await SeedJobsAsync(shop, ct);
        if (await table.GetAsync<Counters.Counter>(shop, Keys.Counter("job-R"), ct) is null) await SeedCustomerJobsAsync(shop, ct);
        if (await table.GetAsync<Counters.Counter>(shop, Keys.Counter("material"), ct) is null) await SeedInventoryAsync(shop, ct);
    }

    private async Task OpenShopAsync(string shop, CancellationToken ct)
    {
        var details = new ShopDetails("Demo Jewelers", "12 Goldsmith Lane, Springfield", "America/New_York", options.Value.Currency, 8.875m, Manufacturer: true);
        await provisioning.CreateShopAsync(shop, details, new NewUser("Maya Owner", OwnerEmail, Role.Owner), Password, ct);
        var change = new Change("Maya Owner", clock.GetUtcNow());
        await provisioning.AddUserAsync(shop, new NewUser("Sam Bench", StaffEmail, Role.Staff), Password, change, ct);
        await provisioning.AddUserAsync(shop, new NewUser("Workshop Monitor", KioskEmail, Role.Kiosk), Password, change, ct);
        if (await table.GetAsync<SetupRecord>(Keys.Install, Keys.SetupMarker, ct) is null)
            await table.CommitAsync(Keys.Install, [new TableWrite.Insert(Keys.SetupMarker, new SetupRecord(shop, change.At))], ct);
        logger.LogInformation("Opened demo shop {Shop} with an owner, a staff member and a kiosk user", shop);
    }

    private async Task SeedJobsAsync(string shop, CancellationToken ct)
    {
        var jobs = DemoJobs.Build(clock.GetUtcNow()).ToList();
        var pieces = jobs.SelectMany(j => j.Pieces).ToList();
        foreach (var (job, jobPieces) in jobs)
        {
            var writes = JobCommands.NewJobWrites(job)
                .Concat(jobPieces.SelectMany(p => RecordedWrites.Insert(Keys.Stock(p.StockId), p.StockId, p))).ToList();
            await table.CommitAsync(shop, writes, ct);
        }
        await table.CommitAsync(shop, [
            new TableWrite.Insert(Keys.Counter("job-P"), new Counters.Counter(jobs.Count)),
            new TableWrite.Insert(Keys.Counter("stock"), new Counters.Counter(pieces.Count)),
        ], ct);
        logger.LogInformation("Seeded demo shop {Shop} with {Jobs} jobs and {Pieces} stock items", shop, jobs.Count, pieces.Count);
    }

    private async Task SeedCustomerJobsAsync(string shop, CancellationToken ct)
    {
        var demo = DemoCustomerJobs.Build(clock.GetUtcNow());
        await table.CommitAsync(shop, [
            .. demo.Customers.SelectMany(c => RecordedWrites.Insert(Keys.Customer(c.Id), c.Id, c)),
            .. demo.PriceList.SelectMany(t => RecordedWrites.Insert(Keys.RepairTask(t.Id), t.Id, t)),
        ], ct);
        foreach (var job in demo.Jobs)
        {
            job.StatusToken = StatusLinks.NewSecret();
            var invoice = job.Invoice is { } i ? RecordedWrites.Insert(Keys.Invoice(i.Id), i.Id, i) : [];
            await table.CommitAsync(shop, [.. JobCommands.NewJobWrites(job), .. invoice], ct);
        }
        await table.CommitAsync(shop, [
            new TableWrite.Insert(Keys.Counter("job-R"), new Counters.Counter(demo.Jobs.Count(j => j.Module == JobModule.Repair))),
            new TableWrite.Insert(Keys.Counter("job-C"), new Counters.Counter(demo.Jobs.Count(j => j.Module == JobModule.Custom))),
            new TableWrite.Insert(Keys.Counter("invoice"), new Counters.Counter(demo.Jobs.Count(j => j.Invoice is not null))),
        ], ct);
        logger.LogInformation("Seeded demo shop {Shop} with {Customers} customers and {Jobs} repairs and custom jobs", shop, demo.Customers.Count, demo.Jobs.Count);
    }

    private async Task SeedInventoryAsync(string shop, CancellationToken ct)
    {
        var (materials, styles) = DemoInventory.Build(clock.GetUtcNow());
        foreach (var material in materials) await table.CommitAsync(shop, MaterialWrites.Of(material, etag: null), ct);
        await table.CommitAsync(shop, [
            .. styles.SelectMany(s => RecordedWrites.Insert(Keys.Style(s.Id), s.Id, s)),
            new TableWrite.Insert(Keys.Counter("material"), new Counters.Counter(materials.Count)),
            new TableWrite.Insert(Keys.Counter("style"), new Counters.Counter(styles.Count)),
        ], ct);
        logger.LogInformation("Seeded demo shop {Shop} with {Materials} materials and {Styles} styles", shop, materials.Count, styles.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
