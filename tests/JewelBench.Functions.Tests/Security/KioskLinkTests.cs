using System.Net;
using System.Net.Http.Json;
using JewelBench.Core.Shops;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace JewelBench.Functions.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class KioskLinkTests(JewelBenchApp app)
{
    private const string Shop = "kiosk-shop";

    [Fact]
    public async Task AKioskLinkIsA128BitSecretKeptOnlyAsAHashThatOpensTheMonitorUntilRevoked()
    {
        var owner = app.Client("owner", Role.Owner, Shop);
        var first = await (await owner.PostAsJsonAsync("/api/kiosk-links", new { name = "Back wall" })).ReadJsonAsync(HttpStatusCode.Created);
        var second = await (await owner.PostAsJsonAsync("/api/kiosk-links", new { name = "Front desk" })).ReadJsonAsync(HttpStatusCode.Created);
        var token = TokenOf(first);

        Assert.Equal(16, WebEncoders.Base64UrlDecode(token).Length);
        Assert.NotEqual(token, TokenOf(second));
        Assert.DoesNotContain(token, await app.SnapshotAsync(Shop) + await app.SnapshotAsync(Keys.Install));
        Assert.DoesNotContain(token, (await owner.GetStringAsync("/api/kiosk-links")));

        var opened = await app.AnonymousClient().PostAsJsonAsync("/api/kiosk/session", new { token });
        Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        var kiosk = JewelBenchApp.WithCookie(app, opened.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        var me = await (await kiosk.GetAsync("/api/auth/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Kiosk", (string)me["role"]!);
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/api/board")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/kiosk-links/{first["link"]!["id"]}")).StatusCode);

        await (await kiosk.GetAsync("/api/board")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.AnonymousClient().PostAsJsonAsync("/api/kiosk/session", new { token })).ReadProblemAsync(HttpStatusCode.NotFound);
        var history = await (await owner.GetAsync("/api/shop/history")).ReadArrayAsync();
        Assert.Equal(["KioskLinkCreated", "KioskLinkCreated", "KioskLinkRevoked"], history.Skip(1).Select(e => (string)e!["action"]!));
    }

    private static string TokenOf(System.Text.Json.Nodes.JsonObject created) => ((string)created["url"]!).Split('/').Last();
}
