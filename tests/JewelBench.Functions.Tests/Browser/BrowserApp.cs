using JewelBench.Core.Jobs;
using JewelBench.Core.Shops;
using JewelBench.Functions.Shops;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace JewelBench.Functions.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "JewelBench in Chromium";
}

/// <summary>
/// The real host on a Kestrel port, over its own Azurite, driven by Debian's Chromium through Playwright
/// (never a downloaded browser). One shop with an owner, a staff member and a kiosk user.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ShopId = "browser-shop";
    public const string OwnerName = "Olivia Owner";
    public const string Owner = "owner@browser-shop.test";
    public const string Staff = "staff@browser-shop.test";
    public const string Kiosk = "kiosk@browser-shop.test";

    private static readonly Dictionary<string, string> Passwords = new()
    {
        [Owner] = "owner-password-1", [Staff] = "staff-password-1", [Kiosk] = "kiosk-password-1",
    };

    private Azurite? _azurite;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's clock: real time, which a test may shift (the reminders' thresholds) and must reset after.</summary>
    public ShiftedClock Clock { get; } = new();
    public string BaseUrl { get; private set; } = "";

    public static string PasswordOf(string email) => Passwords[email];

    /// <summary>The host's services, to set up rows no page creates (e.g. an email in the outbox).</summary>
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.Shared;
        var port = Azurite.FreePort();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseUrls($"http://127.0.0.1:{port}")
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                // Every browser context signs in from 127.0.0.1; the sign-in limits are tested over HTTP.
                ["jewelbench:signIn:perAddressPerMinute"] = "1000",
                ["jewelbench:signIn:perAccountPer15Minutes"] = "1000",
                // No sweep re-sends timers behind a test's back while it has shifted the clock.
                ["jewelbench:workflow:sweepInterval"] = "1.00:00:00",
                ["jewelbench:reminders:reconcileInterval"] = "1.00:00:00",
            }))
            .ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock))));
        _factory.UseKestrel();
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Console.WriteLine($"Browser tests against {BaseUrl}");
        await ProvisionShopAsync(_factory.Services.GetRequiredService<ShopProvisioning>());
        await MarkSetUpAsync(_factory.Services.GetRequiredService<IShopTable>());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Azurite starts empty for each run; a shop or user left from an earlier one is used as it is.</summary>
    private static async Task ProvisionShopAsync(ShopProvisioning provisioning)
    {
        await Tolerate(() => provisioning.CreateShopAsync(ShopId, new ShopDetails("Browser Jewelers", "1 Test St", "UTC", "USD", 0m),
            new NewUser(OwnerName, Owner, Role.Owner), Passwords[Owner], default));
        foreach (var (name, email, role) in new[] { ("Sam Staff", Staff, Role.Staff), ("Bench Screen", Kiosk, Role.Kiosk) })
            await Tolerate(() => provisioning.AddUserAsync(ShopId, new NewUser(name, email, role), Passwords[email],
                new Change(OwnerName, DateTimeOffset.UtcNow), default));
    }

    /// <summary>As the demo seeder does: with a shop in place, the first-run setup page is not offered.</summary>
    private static async Task MarkSetUpAsync(IShopTable table)
    {
        if (await table.GetAsync<SetupRecord>(Keys.Install, Keys.SetupMarker) is not null) return;
        try
        {
            await table.CommitAsync(Keys.Install, [new TableWrite.Insert(Keys.SetupMarker, new SetupRecord(ShopId, DateTimeOffset.UtcNow))]);
        }
        catch (ConcurrencyException)
        {
        }
    }

    private static async Task Tolerate(Func<Task> provision)
    {
        try
        {
            await provision();
        }
        catch (RuleConflictException)
        {
        }
    }

    /// <summary>A page in its own browser context, signed in as <paramref name="signInAs"/> (null: signed out).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? signInAs = Owner)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        if (signInAs is not null)
        {
            // The context's request client shares its cookie jar with the page.
            var signIn = await context.APIRequest.PostAsync("/api/auth/sign-in",
                new() { DataObject = new { email = signInAs, password = Passwords[signInAs] } });
            Assert.True(signIn.Ok, $"Signing in as {signInAs} answered {signIn.Status}: {await signIn.TextAsync()}");
        }
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
