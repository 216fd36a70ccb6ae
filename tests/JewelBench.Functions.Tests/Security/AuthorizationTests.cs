using System.Net;
using System.Net.Http.Json;
using JewelBench.Core.Shops;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class AuthorizationTests(JewelBenchApp app)
{
    private const string ShopId = "roles-shop";

    /// <summary>What only an owner may do: settings, users, kiosk links and reopening a job.</summary>
    private static readonly string[] OwnerOnly =
    [
        "POST /api/jobs/{id}/reopen", "PATCH /api/shop", "GET /api/shop/history", "PUT /api/shop/logo", "DELETE /api/shop/logo",
        "GET /api/users", "POST /api/users", "PATCH /api/users/{userId}", "GET /api/users/{userId}/history",
        "GET /api/kiosk-links", "POST /api/kiosk-links", "DELETE /api/kiosk-links/{linkId}",
        "POST /api/price-list", "PATCH /api/price-list/{taskId}",
    ];

    /// <summary>The kiosk sees the workshop monitor and its own session, nothing else.</summary>
    private static readonly string[] KioskMay =
        ["GET /api/board", "GET /api/jobs/{id}/photos/{photoId}", "GET /api/shop/logo", "GET /api/auth/me", "POST /api/auth/sign-out",
            "POST /api/auth/password"];

    private static readonly string[] Anonymous =
        ["GET /api/health", "GET /api/setup", "POST /api/setup", "POST /api/auth/sign-in", "POST /api/kiosk/session",
            "GET /api/status/{token}", "GET /api/status/{token}/photos/{photoId}",
            "GET /api/reminders/opt-out/{token}", "POST /api/reminders/opt-out/{token}"];

    [Fact]
    public void OnlySignInSetupHealthKioskLinksAndStatusPagesAreOpenWithoutASession() =>
        Assert.Equal(Anonymous.Order(), ApiRoute.All(app.Services).Where(r => r.Anonymous).Select(r => r.ToString()).Order());

    [Fact]
    public async Task StaffAreRefusedEveryOwnerRouteAndNothingChanges() =>
        await AssertRefusedAsync(app.Client("staff", Role.Staff, ShopId), r => OwnerOnly.Contains(r.ToString()));

    [Fact]
    public async Task AKioskUserIsRefusedEverythingButTheMonitor() =>
        await AssertRefusedAsync(app.Client("kiosk", Role.Kiosk, ShopId), r => !KioskMay.Contains(r.ToString()));

    [Fact]
    public async Task AKioskLinkSessionIsRefusedEverythingButTheMonitor()
    {
        var link = await (await app.Client("owner", Role.Owner, ShopId).PostAsJsonAsync("/api/kiosk-links", new { name = "Wall" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var token = ((string)link["url"]!).Split('/').Last();
        var session = await app.AnonymousClient().PostAsJsonAsync("/api/kiosk/session", new { token });
        Assert.Equal(HttpStatusCode.NoContent, session.StatusCode);
        var kiosk = JewelBenchApp.WithCookie(app, session.Headers.GetValues("Set-Cookie").First().Split(';')[0]);

        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/api/board")).StatusCode);
        await AssertRefusedAsync(kiosk, r => !KioskMay.Contains(r.ToString()));
    }

    /// <summary>Every matching route, with real ids of the caller's own shop and a valid body, answers 403 and writes nothing.</summary>
    private async Task AssertRefusedAsync(HttpClient client, Func<ApiRoute, bool> refused)
    {
        var ids = await ShopIds.SeedAsync(app, ShopId);
        var before = await app.SnapshotAsync(ShopId);
        var routes = ApiRoute.All(app.Services).Where(r => !r.Anonymous && refused(r)).ToList();

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var response = await client.SendAsync(JewelBenchApp.Request(route.Method, route.Url(p => ids[p]),
                route.Writes ? ApiRoute.ValidBody(route) : null));
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.NotEmpty(routes);
        Assert.Equal(before, await app.SnapshotAsync(ShopId));
    }
}
