using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Jobs;

/// <summary>The list view's search, filters, sorts and paging, in a shop of its own; each test tags its jobs.</summary>
[Collection(AppCollection.Name)]
public sealed class JobListApiTests(JewelBenchApp app)
{
    private const string ListShop = "list-shop";
    private readonly HttpClient _client = app.Client("owner", Role.Owner, ListShop);
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private async Task<string> CustomerAsync(string name, string? email = null, string? phone = null) =>
        (string)(await (await _client.PostAsJsonAsync("/api/customers", new { name, email = email ?? $"{_tag}@example.test", phone }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;

    private async Task<string> RepairAsync(string customerId, string item, string? targetDate = null, bool rush = false) =>
        (string)(await (await _client.PostAsJsonAsync("/api/jobs", new { module = "Repair", description = $"Repair {_tag}", customerId, item, targetDate, rush }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;

    private async Task<string> JobAsync(string description, object? extra = null) => (string)(await app.CreateJobAsync(_client, description, extra))["id"]!;

    private async Task<JsonObject> ListAsync(string query, HttpClient? client = null) =>
        await (await (client ?? _client).GetAsync($"/api/jobs?{query}")).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<List<string>> IdsAsync(string query, HttpClient? client = null) =>
        (await ListAsync(query, client))["items"]!.AsArray().Select(j => (string)j!["id"]!).ToList();

    private async Task PostAsync(string url, object body) => await (await _client.PostAsJsonAsync(url, body)).ReadJsonAsync(HttpStatusCode.OK);

    private static DateOnly UtcToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    [Fact]
    public async Task SearchFindsAJobByNumberItemCustomerNamePhoneDigitsAndEmail()
    {
        var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var customer = await CustomerAsync($"Nadia Quill{_tag}", $"nadia.{_tag}@customer.test", $"(555) {digits[..3]}-{digits[3..]}");
        var repair = await RepairAsync(customer, $"Pearl strand {_tag}", "2030-01-15");
        await RepairAsync(await CustomerAsync($"Other {_tag}", phone: "(555) 999-0000"), "Watch band");

        foreach (var q in new[] { repair, $"Pearl strand {_tag}", $"nadia quill{_tag}", $"555 {digits[..4]} {digits[4..]}", $"nadia.{_tag}@customer" })
            Assert.Equal([repair], await IdsAsync($"q={Uri.EscapeDataString(q)}"));

        var row = (await ListAsync($"q={repair}"))["items"]![0]!;
        Assert.Equal($"Pearl strand {_tag}", (string)row["item"]!);
        Assert.Equal(customer, (string)row["customerId"]!);
        Assert.Equal($"Nadia Quill{_tag}", (string)row["customer"]!);
        Assert.Equal("2030-01-15", (string)row["targetDate"]!);
        Assert.Equal("InShop", (string)row["lane"]!);
        Assert.False((bool)row["overdue"]!);
        Assert.Equal("Repair", (string)row["module"]!);
    }

    [Fact]
    public async Task AJobNumberIsNotReadAsAPhoneNumber()
    {
        var repair = await RepairAsync(await CustomerAsync($"Phone Owner {_tag}", phone: "(555) 400-0012"), "Locket");

        var found = await IdsAsync($"q={Uri.EscapeDataString("Z-0012")}");

        Assert.DoesNotContain(repair, found);
    }

    [Fact]
    public async Task FiltersByModuleStatusLaneAndRushAndKeepsClosedJobs()
    {
        var rushDraft = await JobAsync($"Rush draft {_tag}", new { rush = true });
        var started = await JobAsync($"Started {_tag}");
        await PostAsync($"/api/jobs/{started}/transitions", new { to = "InProduction" });
        var held = await JobAsync($"Held {_tag}");
        await (await _client.PatchJsonAsync($"/api/jobs/{held}", new { onHold = true })).ReadJsonAsync(HttpStatusCode.OK);
        var canceled = await JobAsync($"Canceled {_tag}", new { rush = true });
        await PostAsync($"/api/jobs/{canceled}/transitions", new { to = "Canceled", reason = "Not needed" });
        var repair = await RepairAsync(await CustomerAsync($"Filter {_tag}", phone: "555-123-4567"), "Brooch", rush: true);

        Assert.Equal(5, (int)(await ListAsync($"q={_tag}"))["total"]!);
        Assert.Equal([repair], await IdsAsync($"q={_tag}&module=Repair"));
        Assert.Equal([canceled], await IdsAsync($"q={_tag}&status=Canceled"));
        Assert.Equal([repair], await IdsAsync($"q={_tag}&status=received"));
        Assert.Equal([repair, rushDraft], await IdsAsync($"q={_tag}&lane=InShop"));
        Assert.Equal([started], await IdsAsync($"q={_tag}&lane=InProgress"));
        Assert.Equal([held], await IdsAsync($"q={_tag}&lane=OnHold"));
        Assert.Empty(await IdsAsync($"q={_tag}&lane=ReadyForPickup"));
        Assert.Equal([repair, canceled, rushDraft], await IdsAsync($"q={_tag}&rush=true"));
        Assert.Equal([held, started], await IdsAsync($"q={_tag}&rush=false"));
        Assert.Equal([repair], await IdsAsync($"q={_tag}&rush=true&lane=InShop&module=Repair"));
        Assert.Null((await ListAsync($"q={canceled}"))["items"]![0]!["lane"]);
    }

    [Fact]
    public async Task OverdueMeansOpenAndPromisedBeforeTodayInTheShopsTimeZone()
    {
        var owner = app.Client("owner", Role.Owner, "list-tz-shop");
        var tag = _tag;
        // Noon UTC: already tomorrow on Kiritimati (UTC+14).
        var now = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromHours(24) - now.UtcDateTime.TimeOfDay + TimeSpan.FromHours(12));
        var utcToday = UtcToday(app.Clock.GetUtcNow());
        await (await owner.PatchJsonAsync("/api/shop", new { timeZone = "Pacific/Kiritimati" })).ReadJsonAsync(HttpStatusCode.OK);
        async Task<string> Job(string name, DateOnly? target) =>
            (string)(await app.CreateJobAsync(owner, $"{name} {tag}", new { targetDate = target?.ToString("yyyy-MM-dd") }))["id"]!;
        var dueUtcToday = await Job("Due today in UTC", utcToday);
        var dueTomorrow = await Job("Due tomorrow in UTC", utcToday.AddDays(1));
        var noDate = await Job("No date", null);
        var canceled = await Job("Canceled late", utcToday.AddDays(-3));
        await (await owner.PostAsJsonAsync($"/api/jobs/{canceled}/transitions", new { to = "Canceled", reason = "Changed mind" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal([dueUtcToday], await IdsAsync($"q={tag}&overdue=true", owner));
        Assert.Equal([canceled, noDate, dueTomorrow], await IdsAsync($"q={tag}&overdue=false", owner));
        Assert.True((bool)(await ListAsync($"q={dueUtcToday}", owner))["items"]![0]!["overdue"]!);

        await (await owner.PatchJsonAsync("/api/shop", new { timeZone = "UTC" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(await IdsAsync($"q={tag}&overdue=true", owner));

        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal([dueUtcToday, dueTomorrow], await IdsAsync($"q={tag}&overdue=true&sort=promised", owner));
    }

    [Fact]
    public async Task SortsNewestOldestByPromisedDateAndByCustomer()
    {
        async Task<string> Next(Func<Task<string>> create)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            return await create();
        }
        var zoe = await Next(async () => await RepairAsync(await CustomerAsync($"Zoe {_tag}", phone: "555-000-1111"), "Ring", "2031-03-01"));
        var adam = await Next(async () => await RepairAsync(await CustomerAsync($"adam {_tag}", phone: "555-000-2222"), "Chain", "2031-01-10"));
        var noCustomer = await Next(() => JobAsync($"Stock pendant {_tag}"));
        var mia = await Next(async () => await RepairAsync(await CustomerAsync($"Mia {_tag}", phone: "555-000-3333"), "Earring", "2031-02-05"));

        Assert.Equal([mia, noCustomer, adam, zoe], await IdsAsync($"q={_tag}"));
        Assert.Equal([mia, noCustomer, adam, zoe], await IdsAsync($"q={_tag}&sort=newest"));
        Assert.Equal([zoe, adam, noCustomer, mia], await IdsAsync($"q={_tag}&sort=oldest"));
        Assert.Equal([adam, mia, zoe, noCustomer], await IdsAsync($"q={_tag}&sort=promised"));
        Assert.Equal([adam, mia, zoe, noCustomer], await IdsAsync($"q={_tag}&sort=Customer"));
    }

    [Fact]
    public async Task PagesThroughASortedFilteredList()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            ids.Add(await JobAsync($"Paged {_tag} #{i}", new { rush = i % 2 == 0 }));
        }

        var page1 = await ListAsync($"q={_tag}&sort=oldest");
        var page2 = await ListAsync($"q={_tag}&sort=oldest&page=2");
        var rushPage2 = await ListAsync($"q={_tag}&rush=true&page=2");

        Assert.Equal((7, 5, 1), ((int)page1["total"]!, (int)page1["pageSize"]!, (int)page1["page"]!));
        Assert.Equal(ids.Take(5), page1["items"]!.AsArray().Select(j => (string)j!["id"]!));
        Assert.Equal(ids.Skip(5), page2["items"]!.AsArray().Select(j => (string)j!["id"]!));
        Assert.Equal(4, (int)rushPage2["total"]!);
        Assert.Empty(rushPage2["items"]!.AsArray());
    }

    [Fact]
    public async Task BadFilterValuesAreProblemDetailsNamingEachField()
    {
        var response = await _client.GetAsync("/api/jobs?lane=Backroom&rush=maybe&overdue=1&sort=cheapest&module=Watch&status=Lost&page=x");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "lane", "rush", "overdue", "sort", "module", "status", "page");
        Assert.Contains("Newest, Oldest, Promised, Customer", problem["errors"]!["sort"]![0]!.ToString());
        Assert.Contains("InShop, InProgress, ReadyForPickup, OnHold", problem["errors"]!["lane"]![0]!.ToString());
        Assert.Contains("true or false", problem["errors"]!["rush"]![0]!.ToString());
    }
}
