using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Reminders;

[Collection(AppCollection.Name)]
public sealed class PickupReminderTests(JewelBenchApp app)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Escalation = TimeSpan.FromDays(3);

    /// <summary>A repair for a customer with an email address, marked Ready for Pickup and its pickup email sent; its id.</summary>
    private static async Task<string> ReadyRepairAsync(ReminderHost host, HttpClient client, string? email = "ana@customer.test")
    {
        var customer = (string)(await (await client.PostAsJsonAsync("/api/customers", new { name = "Ana Ruiz", email, phone = "555 0101" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        var id = (string)(await (await client.PostAsJsonAsync("/api/jobs", new
        {
            module = "Repair", description = "Replace clasp", customerId = customer, item = "Silver bracelet", condition = "Clasp broken",
        })).ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        (await client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProgress" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "ReadyForPickup" })).EnsureSuccessStatusCode();
        await host.DrainAsync();
        return id;
    }

    private static async Task<List<JsonObject>> RemindersAsync(HttpClient client, string jobId)
    {
        var listed = (await (await client.GetAsync("/api/outbox")).ReadArrayAsync())
            .Where(m => (string?)m!["jobId"] == jobId && (string)m["purpose"]! == "pickup-reminder").ToList();
        var mails = new List<JsonObject>();
        foreach (var m in listed) mails.Add(await (await client.GetAsync($"/api/outbox/{m!["id"]}")).ReadJsonAsync(HttpStatusCode.OK));
        return mails;
    }

    private static async Task<List<string>> HistoryAsync(HttpClient client, string jobId, string action) =>
        (await (await client.GetAsync($"/api/jobs/{jobId}/history")).ReadArrayAsync())
        .Where(e => (string)e!["action"]! == action).Select(e => (string)e!["summary"]!).ToList();

    private static string OptOutUrl(JsonObject mail) =>
        ((string)mail["text"]!).Split('\n').Single(l => l.StartsWith("Stop pickup reminders: ", StringComparison.Ordinal))["Stop pickup reminders: ".Length..].Trim();

    [Fact]
    public async Task AReminderWithTheStatusAndOptOutLinksIsSentAtTheThresholdOnce()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var id = await ReadyRepairAsync(host, owner);
        var statusPage = (string)(await (await owner.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK))["statusPage"]!;

        host.Clock.Advance(TimeSpan.FromDays(14) - Hour);
        await host.DrainAsync();
        Assert.Empty(await RemindersAsync(owner, id));

        host.Clock.Advance(2 * Hour);
        await host.DrainAsync();
        await host.DrainAsync();

        var mail = Assert.Single(await RemindersAsync(owner, id));
        Assert.Equal(("Outbox", "ana@customer.test"), ((string)mail["status"]!, (string)mail["toAddress"]!));
        Assert.Equal($"Reminder: your Silver bracelet is waiting for you — {ReminderHost.Shop} jewelers", (string)mail["subject"]!);
        var text = (string)mail["text"]!;
        Assert.Contains($"http://localhost:7071{statusPage}", text);
        Assert.Contains("This is reminder 1 of 3.", text);
        Assert.StartsWith($"http://localhost:7071/api/reminders/opt-out/{ReminderHost.Shop}.", OptOutUrl(mail));
        Assert.Contains($"href=\"{OptOutUrl(mail)}\"", (string)mail["html"]!);
        Assert.DoesNotContain(statusPage.Split('.').Last(), OptOutUrl(mail));
        Assert.Equal(["Pickup reminder 1 emailed to ana@customer.test"], await HistoryAsync(owner, id, "PickupReminder"));
    }

    [Fact]
    public async Task RemindersStopAfterTheLimitAndThePieceIsThenUnclaimedWithItsNoticeTrail()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var id = await ReadyRepairAsync(host, owner);

        host.Clock.Advance(TimeSpan.FromDays(14) + Hour);
        await host.DrainAsync();
        for (var i = 0; i < 2; i++)
        {
            host.Clock.Advance(Escalation);
            await host.DrainAsync();
        }
        Assert.Equal(3, (await RemindersAsync(owner, id)).Count);
        Assert.Null((await (await owner.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK))["unclaimed"]);

        host.Clock.Advance(Escalation);
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromDays(30));
        await host.DrainAsync();
        await host.DrainAsync();

        Assert.Equal(3, (await RemindersAsync(owner, id)).Count);
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(-30);
        Assert.Equal([$"Unclaimed: not picked up after the last pickup reminder ({today:yyyy-MM-dd})"], await HistoryAsync(owner, id, "Unclaimed"));
        var job = await (await owner.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{today:yyyy-MM-dd}", (string)job["unclaimed"]!["since"]!);
        Assert.Equal(3, (int)job["pickupNotices"]!);
        Assert.Equal($"{today:yyyy-MM-dd}", (string)(await ReminderHost.CardAsync(owner, id))!["unclaimed"]!);

        var trail = await (await owner.GetAsync($"/api/jobs/{id}/notices")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(($"{today:yyyy-MM-dd}", "Ana Ruiz", "Silver bracelet"),
            ((string)trail["unclaimed"]!["since"]!, (string)trail["customer"]!, (string)trail["item"]!));
        var notices = trail["notices"]!.AsArray().Select(n => n!.AsObject()).ToList();
        Assert.Equal([1, 2, 3], notices.Select(n => (int)n["number"]!));
        Assert.All(notices, n => Assert.Equal(("ana@customer.test", "Outbox"), ((string)n["toAddress"]!, (string)n["status"]!)));
        var mails = await RemindersAsync(owner, id);
        Assert.Equal(mails.Select(m => (string)m["id"]!).Order(), notices.Select(n => (string)n["mailId"]!).Order());
        var ready = DateTimeOffset.Parse((string)job["laneSince"]!);
        Assert.Equal([ready.AddDays(14) + Hour, ready.AddDays(17) + Hour, ready.AddDays(20) + Hour],
            notices.Select(n => DateTimeOffset.Parse((string)n["at"]!)));
    }

    [Fact]
    public async Task NoReminderFollowsPickup()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var id = await ReadyRepairAsync(host, owner);
        host.Clock.Advance(TimeSpan.FromDays(14) + Hour);
        await host.DrainAsync();
        Assert.Single(await RemindersAsync(owner, id));

        var due = (decimal)(await (await owner.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK))["invoice"]!["balanceDue"]!;
        (await owner.PostAsJsonAsync($"/api/jobs/{id}/pickup", new { amount = due, method = "Cash" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(30));
        await host.DrainAsync();
        await host.DrainAsync();

        Assert.Single(await RemindersAsync(owner, id));
        Assert.Empty(await HistoryAsync(owner, id, "Unclaimed"));
        Assert.Single((await (await owner.GetAsync($"/api/jobs/{id}/notices")).ReadJsonAsync(HttpStatusCode.OK))["notices"]!.AsArray());
    }

    [Fact]
    public async Task TheOptOutLinkIsRecordedInHistoryAndStopsFurtherReminders()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var id = await ReadyRepairAsync(host, owner);
        host.Clock.Advance(TimeSpan.FromDays(14) + Hour);
        await host.DrainAsync();
        var url = new Uri(OptOutUrl(Assert.Single(await RemindersAsync(owner, id)))).PathAndQuery;
        var anonymous = JewelBenchApp.AnonymousClient(host);

        var asked = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("<form method=\"post\">", await asked.Content.ReadAsStringAsync());
        Assert.Empty(await HistoryAsync(owner, id, "RemindersOptedOut"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url[..^4] + "0000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(url[..^4] + "0000", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync("/api/reminders/opt-out/other-shop." + url.Split('.').Last(), null)).StatusCode);

        var done = await anonymous.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Pickup reminders stopped", await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(url, null)).StatusCode);
        Assert.Equal(["The customer opted out of pickup reminders"], await HistoryAsync(owner, id, "RemindersOptedOut"));
        Assert.NotNull((await (await owner.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK))["pickupRemindersOptedOut"]);

        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(Escalation);
            await host.DrainAsync();
        }
        Assert.Single(await RemindersAsync(owner, id));
        // The shop's clock still runs: the piece becomes unclaimed on schedule, with the one notice it was sent.
        Assert.Single(await HistoryAsync(owner, id, "Unclaimed"));
    }

    [Fact]
    public async Task ARushJobIsRemindedAfterHalfTheThresholdAndACustomerWithoutEmailIsNot()
    {
        await using var host = ReminderHost.Create(app.ConnectionString);
        var owner = await host.OwnerAsync();
        var silent = await ReadyRepairAsync(host, owner, email: null);
        var rush = await ReadyRepairAsync(host, owner);
        (await owner.PatchAsJsonAsync($"/api/jobs/{rush}", new { rush = true })).EnsureSuccessStatusCode();

        host.Clock.Advance(TimeSpan.FromDays(7) + Hour);
        await host.DrainAsync();
        await host.DrainAsync();

        Assert.Single(await RemindersAsync(owner, rush));
        host.Clock.Advance(TimeSpan.FromDays(7));
        await host.DrainAsync();
        Assert.Empty(await RemindersAsync(owner, silent));
        Assert.Single(await ReminderHost.StuckEventsAsync(owner, silent));
    }
}
