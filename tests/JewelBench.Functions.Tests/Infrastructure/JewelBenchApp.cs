using System.Collections.Concurrent;
using System.Net.Http.Json;
using JewelBench.Core.Jobs;
using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;
using JewelBench.Functions.Shops;
using JewelBench.Functions.Storage;
using System.Text.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace JewelBench.Functions.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<JewelBenchApp>
{
    public const string Name = "JewelBench on Azurite";
}

/// <summary>The host in process against one shared Azurite, with a clock the tests move and domain helpers.</summary>
public sealed class JewelBenchApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Shop = "test-shop";

    /// <summary>A second tenant on the same storage, for the isolation tests.</summary>
    public const string OtherShop = "other-shop";
    public const string Table = "jewelbenchtests";
    public const string Password = "test-password-1";
    private readonly ConcurrentDictionary<string, Task<string>> _sessions = new();
    private Azurite? _azurite;

    public CapturedLogs Logs { get; } = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public string ConnectionString => _azurite!.ConnectionString;

    public static JsonSerializerOptions Json => JewelBenchSetup.Json;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.Shared;
        await EnsureShopAsync(Services, Shop);
        await EnsureShopAsync(Services, OtherShop);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["jewelbench:storage:table"] = Table,
            ["jewelbench:listPageSize"] = "5",
            // The whole suite signs in from one address; the limits themselves are tested on a host of their own.
            ["jewelbench:signIn:perAddressPerMinute"] = "100000",
            ["jewelbench:signIn:perAccountPer15Minutes"] = "100000",
            [$"Logging:{typeof(CapturedLogs).FullName}:LogLevel:Default"] = "Debug",
            // Operations stay as written here; the engine is tested on hosts of its own (Workflow/).
            ["jewelbench:workflow:consumers"] = "0",
            // Nor does the sweep re-send them behind the tests' backs: the clock jumps days here, and reminder timers would fire.
            ["jewelbench:workflow:sweepInterval"] = "1.00:00:00",
            ["jewelbench:reminders:reconcileInterval"] = "1.00:00:00",
            ["jewelbench:maxPhotoBytes"] = "1048576",
        }));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock))
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
    }

    /// <summary>
    /// A client signed in as the named user of the shop (created on first use with that role). The session
    /// cookie of each user is signed in for once and reused, so the suite hashes few passwords.
    /// </summary>
    public HttpClient Client(string user = "tester", Role role = Role.Owner, string shop = Shop)
    {
        var cookie = _sessions.GetOrAdd($"{shop}/{user}/{role}", _ => Task.Run(() => SignInAsync(this, shop, user, role)))
            .GetAwaiter().GetResult();
        return WithCookie(this, cookie);
    }

    /// <summary>Another host on the same Azurite but a table of its own: a new install, with the given settings.</summary>
    public WebApplicationFactory<Program> NewInstall(Dictionary<string, string?>? settings = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = ConnectionString,
                ["jewelbench:storage:table"] = $"install{Guid.NewGuid():N}"[..20],
            }.Where(d => settings?.ContainsKey(d.Key) != true).Concat(settings ?? []))));

    /// <summary>A client with no session.</summary>
    public HttpClient AnonymousClient() => AnonymousClient(this);

    public static HttpClient AnonymousClient(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    public static HttpClient WithCookie(WebApplicationFactory<Program> host, string cookie)
    {
        var client = AnonymousClient(host);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>A client signed in to a shop of another host (opened if need be) as its owner.</summary>
    public static async Task<HttpClient> OwnerClientAsync(WebApplicationFactory<Program> host, string shop)
    {
        await EnsureShopAsync(host.Services, shop);
        return WithCookie(host, await SignInAsync(host, shop, "owner", Role.Owner));
    }

    public static string EmailOf(string user, Role role, string shop) => $"{user.ToLowerInvariant()}.{role.ToString().ToLowerInvariant()}@{shop}.test";

    /// <summary>Adds the user to the shop unless they exist, and returns the session cookie of a fresh sign-in.</summary>
    public static async Task<string> SignInAsync(WebApplicationFactory<Program> host, string shop, string user, Role role,
        string password = Password)
    {
        var email = EmailOf(user, role, shop);
        await EnsureShopAsync(host.Services, shop);
        await EnsureUserAsync(host.Services, shop, user, email, role, password);
        var response = await AnonymousClient(host).PostAsJsonAsync("/api/auth/sign-in", new { email, password });
        response.EnsureSuccessStatusCode();
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthSetup.CookieName + "=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    /// <summary>Opens the shop on the given host's storage unless it is open already.</summary>
    public static async Task EnsureShopAsync(IServiceProvider services, string shop)
    {
        var table = services.GetRequiredService<IShopTable>();
        if (await table.GetAsync<ShopProfile>(shop, Keys.Shop) is not null) return;
        await services.GetRequiredService<ShopProvisioning>().CreateShopAsync(shop,
            new ShopDetails($"{shop} jewelers", "1 Bench Street", "UTC", "USD", 8.25m),
            new NewUser("owner", EmailOf("owner", Role.Owner, shop), Role.Owner), Password, default);
    }

    public static async Task EnsureUserAsync(IServiceProvider services, string shop, string user, string email, Role role, string password)
    {
        if (await AuthApi.FindUserAsync(services.GetRequiredService<IShopTable>(), email, default) is not null) return;
        await services.GetRequiredService<ShopProvisioning>().AddUserAsync(shop, new NewUser(user, email, role), password,
            new Change("owner", DateTimeOffset.UtcNow), default);
    }

    public async Task<JsonObject> CreateJobAsync(HttpClient client, string description = "Signet ring", object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { }, Json)!.AsObject();
        body["description"] = description;
        var response = await client.PostAsJsonAsync("/api/jobs", body, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Json))!;
    }

    /// <summary>Sends the request as JSON (or with no body when null).</summary>
    public static HttpRequestMessage Request(string method, string url, JsonNode? body) => new(new HttpMethod(method), url)
    {
        Content = body is null ? null : new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
    };

    /// <summary>Every row of the test shop's partition with its ETag and properties, to prove a refused request wrote nothing.</summary>
    public async Task<string> SnapshotAsync(string shop = Shop)
    {
        var table = CloudStorageAccount.Parse(ConnectionString).CreateCloudTableClient().GetTableReference(Table);
        var query = new TableQuery<DynamicTableEntity>().Where(
            TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, shop));
        var rows = new List<string>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await table.ExecuteQuerySegmentedAsync(query, token);
            rows.AddRange(segment.Results.Select(e => $"{e.RowKey} {e.ETag} " +
                string.Join(";", e.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value.PropertyAsObject}"))));
            token = segment.ContinuationToken;
        } while (token is not null);
        return string.Join("\n", rows);
    }
}
