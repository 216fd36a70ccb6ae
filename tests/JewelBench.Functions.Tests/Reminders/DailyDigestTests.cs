using System.Net;
using System.Net.Http.Json;
using JewelBench.Core.History;
using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Reminders;
using JewelBench.Functions.Shops;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Reminders;

[Collection(AppCollection.Name)]
public sealed class DailyDigestTests(JewelBenchApp app)
{
    private const string Shop = ReminderHost.Shop;

    [Fact]
    public async Task TheDigestListsStuckAndOverdueJobsWithDaysLaneLocationAndLinksToOwnersAndStaff()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        await AddUserAsync(host, Shop, "sam", Role.Staff);
        await AddUserAsync(host, Shop, "monitor", Role.Kiosk);
        var stuckId = await ReminderHost.InProgressJobAsync(owner);
        var overdueId = await CreateJobAsync(owner, "Tennis bracelet", "2026-11-05");
        // Snoozed, so it is overdue without being stuck in its lane.
        (await owner.PostAsJsonAsync($"/api/jobs/{overdueId}/snooze", new { until = "2026-11-20", reason = "Stones on order" })).EnsureSuccessStatusCode();

        host.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1)); // Mon 9 Nov 10:00 UTC: stuck now; the day's digest hour has passed
        await SettleAsync(host);
        Assert.Empty(await DigestsAsync(host, Shop));
        // In Shop for less than its 2 days and due later: not in the digest.
        await CreateJobAsync(owner, "Cleaning", "2026-11-30");

        host.Clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(5)); // Tue 10 Nov 08:05 UTC
        await SettleAsync(host);

        var digests = await (await owner.GetAsync("/api/outbox")).ReadArrayAsync();
        var items = digests.Select(d => d!.AsObject()).Where(d => (string)d["purpose"]! == DailyDigest.Purpose).ToList();
        Assert.Equal([JewelBenchApp.EmailOf("owner", Role.Owner, Shop), JewelBenchApp.EmailOf("sam", Role.Staff, Shop)],
            items.Select(i => (string)i["toAddress"]!).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal("Outbox", (string)i["status"]!));
        var mail = await (await owner.GetAsync($"/api/outbox/{(string)items[0]["id"]!}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"Daily digest: 1 stuck, 1 overdue — {Shop} jewelers", (string)mail["subject"]!);
        var text = (string)mail["text"]!;
        Assert.Contains($"{stuckId} · Pavé band: Stuck 7 days · In Progress · Bench · Main\n  http://localhost:7071/#/jobs/{stuckId}\n", text);
        Assert.Contains($"{overdueId} · Tennis bracelet: Overdue 5 days (due 2026-11-05) · In Shop · Bench · Main\n  http://localhost:7071/#/jobs/{overdueId}\n", text);
        Assert.DoesNotContain("Cleaning", text);
        Assert.True(text.IndexOf(stuckId, StringComparison.Ordinal) < text.IndexOf(overdueId, StringComparison.Ordinal), "stuck jobs come first");
        Assert.Contains($"<a href=\"http://localhost:7071/#/jobs/{stuckId}\"", (string)mail["html"]!);
    }

    [Fact]
    public async Task NoDigestIsSentOnADayWithNothingStuckOrOverdueAndTheNextDayIsArmed()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        await CreateJobAsync(owner, "Cleaning", "2026-11-30");

        host.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(30)); // Tue 3 Nov 08:30 UTC
        Assert.Equal(1, await host.DrainAsync());

        Assert.Empty(await DigestsAsync(host, Shop));
        var table = host.Services.GetRequiredService<IShopTable>();
        Assert.Equal(OperationStatus.Succeeded, (await OperationAsync(host, Shop, DailyDigestTimers.OperationId(Shop, new DateOnly(2026, 11, 3))))!.Status);
        Assert.Null(await OperationAsync(host, Shop, DailyDigestTimers.EmailOperationId(Shop, new DateOnly(2026, 11, 3))));
        var next = await OperationAsync(host, Shop, DailyDigestTimers.OperationId(Shop, new DateOnly(2026, 11, 4)));
        Assert.Equal((OperationStatus.Pending, new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero)), (next!.Status, next.DueAt));
    }

    [Fact]
    public async Task TheShopsTimeZoneDecidesTheDigestHour()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        // Mon 2 Nov 09:00 UTC is 04:00 in New York (EST) and 18:00 in Tokyo, past its 08:00.
        var newYork = await ZoneShopAsync(host, "ny-shop", "America/New_York");
        var tokyo = await ZoneShopAsync(host, "tokyo-shop", "Asia/Tokyo");
        await CreateJobAsync(newYork, "Signet resize", "2026-11-01");
        await CreateJobAsync(tokyo, "Pearl restring", "2026-11-01");

        host.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(55)); // 12:55 UTC: 07:55 in New York
        await host.DrainAsync();
        Assert.Empty(await DigestsAsync(host, "ny-shop"));
        Assert.Empty(await DigestsAsync(host, "tokyo-shop"));

        host.Clock.Advance(TimeSpan.FromMinutes(10)); // 13:05 UTC: 08:05 in New York, 22:05 in Tokyo
        await host.DrainAsync();
        var ny = Assert.Single(await DigestsAsync(host, "ny-shop"));
        // Past its promised date, the job is stuck as well as overdue (the reminder fired the day after the date).
        Assert.Contains("Signet resize: Stuck", ny.Text);
        Assert.Contains("Overdue 1 day (due 2026-11-01)", ny.Text);
        Assert.Contains("Monday 2 November", ny.Text);
        Assert.Empty(await DigestsAsync(host, "tokyo-shop"));

        host.Clock.Advance(TimeSpan.FromHours(10)); // 23:05 UTC: Tue 3 Nov 08:05 in Tokyo
        await host.DrainAsync();
        var jp = Assert.Single(await DigestsAsync(host, "tokyo-shop"));
        Assert.Contains("Pearl restring: Stuck", jp.Text);
        Assert.Contains("Overdue 2 days (due 2026-11-01)", jp.Text);
        Assert.Contains("Tuesday 3 November", jp.Text);
        Assert.Single(await DigestsAsync(host, "ny-shop"));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 13, 0, 0, TimeSpan.Zero),
            (await OperationAsync(host, "ny-shop", DailyDigestTimers.OperationId("ny-shop", new DateOnly(2026, 11, 3))))!.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 23, 0, 0, TimeSpan.Zero),
            (await OperationAsync(host, "tokyo-shop", DailyDigestTimers.OperationId("tokyo-shop", new DateOnly(2026, 11, 4))))!.DueAt);
    }

    [Fact]
    public async Task TwoInstancesARerunStepAndARestartStillSendOneDigestPerShopPerDay()
    {
        await using var first = ReminderHost.Create(app.ConnectionString);
        var owner = await first.OwnerAsync();
        await CreateJobAsync(owner, "Signet resize", "2026-11-01");
        await using var second = first.Restart();
        _ = second.Services; // starts it: it arms the shops' digests again

        first.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(5)); // Tue 3 Nov 08:05 UTC
        var timer = (await OperationAsync(first, Shop, DailyDigestTimers.OperationId(Shop, new DateOnly(2026, 11, 3))))!;
        // Both instances run the same step at once, as after a crash between the work and its checkpoint.
        await Task.WhenAll(new[] { first, second }.Select(h =>
            Kind(h).RunStepAsync(new StepContext(Shop, timer), timer.Steps[0], default)));
        await Task.WhenAll(first.DrainAsync(), second.DrainAsync());
        await using (var restarted = first.Restart())
        {
            await restarted.DrainAsync();
            await first.DrainAsync();
        }
        Assert.Single(await DigestsAsync(first, Shop));

        first.Clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(first.DrainAsync(), second.DrainAsync());
        await first.DrainAsync();
        Assert.Equal(2, (await DigestsAsync(first, Shop)).Count);
        Assert.Equal(2, (await first.Services.GetRequiredService<IShopTable>().QueryAsync<Operation>(Shop, Keys.OperationPrefix))
            .Count(o => o.Value.Id.StartsWith("op-dmail-", StringComparison.Ordinal)));
    }

    /// <summary>Drains until two drains in a row run nothing: a timer with two messages (a snooze re-arms it) ends one drain early.</summary>
    private static async Task SettleAsync(ReminderHost host)
    {
        for (var idle = 0; idle < 2;) idle = await host.DrainAsync() == 0 ? idle + 1 : 0;
    }

    private static DailyDigest Kind(ReminderHost host) => host.Services.GetServices<IOperationKind>().OfType<DailyDigest>().Single();

    private static async Task<List<OutboundEmail>> DigestsAsync(ReminderHost host, string shop) =>
        (await host.Services.GetRequiredService<IShopTable>().QueryAsync<OutboundEmail>(shop, Keys.MailPrefix))
        .Select(m => m.Value).Where(m => m.Purpose == DailyDigest.Purpose).ToList();

    private static async Task<Operation?> OperationAsync(ReminderHost host, string shop, string id) =>
        (await host.Services.GetRequiredService<IShopTable>().GetAsync<Operation>(shop, Keys.Operation(id)))?.Value;

    private static async Task<string> CreateJobAsync(HttpClient client, string description, string targetDate)
    {
        var created = await client.PostAsJsonAsync("/api/jobs", new { description, targetDate });
        return (string)(await created.ReadJsonAsync(HttpStatusCode.Created))["id"]!;
    }

    private static Task AddUserAsync(WebApplicationFactory<Program> host, string shop, string user, Role role) =>
        JewelBenchApp.EnsureUserAsync(host.Services, shop, user, JewelBenchApp.EmailOf(user, role, shop), role, JewelBenchApp.Password);

    /// <summary>A shop in the given time zone, opened the way setup opens one; its owner's client.</summary>
    private static async Task<HttpClient> ZoneShopAsync(ReminderHost host, string shop, string zone)
    {
        await host.Services.GetRequiredService<ShopProvisioning>().CreateShopAsync(shop,
            new ShopDetails($"{shop} jewelers", "1 Bench Street", zone, "USD", 8.25m),
            new NewUser("owner", JewelBenchApp.EmailOf("owner", Role.Owner, shop), Role.Owner), JewelBenchApp.Password, default);
        return await JewelBenchApp.OwnerClientAsync(host, shop);
    }
}
