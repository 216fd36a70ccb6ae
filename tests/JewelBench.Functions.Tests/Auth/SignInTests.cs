using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Auth;

[Collection(AppCollection.Name)]
public sealed class SignInTests(JewelBenchApp app)
{
    private const string Shop = "signin-shop";

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        app.AnonymousClient().PostAsJsonAsync("/api/auth/sign-in", new { email, password });

    private static string CookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("jewelbench.session=", StringComparison.Ordinal)).Split(';')[0];

    [Fact]
    public async Task SigningInGivesAnHttpOnlySameSiteCookieAndTellsWhoAndWhere()
    {
        app.Client("ana", Role.Staff, Shop);

        var response = await SignInAsync(JewelBenchApp.EmailOf("ana", Role.Staff, Shop), JewelBenchApp.Password);

        var session = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("ana", "Staff", Shop), ((string)session["name"]!, (string)session["role"]!, (string)session["shopId"]!));
        var cookie = response.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        var me = await (await JewelBenchApp.WithCookie(app, CookieOf(response)).GetAsync("/api/auth/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ana", (string)me["name"]!);
    }

    [Fact]
    public async Task AFailedSignInDoesNotTellWhetherTheEmailExists()
    {
        app.Client("ben", Role.Staff, Shop);

        var wrongPassword = await (await SignInAsync(JewelBenchApp.EmailOf("ben", Role.Staff, Shop), "not-the-password"))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);
        var unknownEmail = await (await SignInAsync("nobody@signin-shop.test", "not-the-password")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(((string)wrongPassword["title"]!, (string)wrongPassword["detail"]!), ((string)unknownEmail["title"]!, (string)unknownEmail["detail"]!));
    }

    [Fact]
    public async Task WithoutASessionTheApiAnswers401ProblemDetails()
    {
        var response = await app.AnonymousClient().GetAsync("/api/board");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await JewelBenchApp.WithCookie(app, "jewelbench.session=forged").GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        app.Client("cleo", Role.Staff, Shop);
        var client = JewelBenchApp.WithCookie(app, CookieOf(await SignInAsync(JewelBenchApp.EmailOf("cleo", Role.Staff, Shop), JewelBenchApp.Password)));

        var signOut = await client.PostAsync("/api/auth/sign-out", null);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jewelbench.session=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangingThePasswordEndsOtherSessionsAndOnlyTheNewPasswordWorks()
    {
        var email = JewelBenchApp.EmailOf("dana", Role.Staff, Shop);
        app.Client("dana", Role.Staff, Shop);
        var here = JewelBenchApp.WithCookie(app, CookieOf(await SignInAsync(email, JewelBenchApp.Password)));
        var elsewhere = JewelBenchApp.WithCookie(app, CookieOf(await SignInAsync(email, JewelBenchApp.Password)));

        var wrong = await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-it-at-all", newPassword = "dana-new-password" });
        var changed = await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = JewelBenchApp.Password, newPassword = "dana-new-password" });

        await wrong.ReadProblemAsync(HttpStatusCode.BadRequest, "currentPassword");
        await changed.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await JewelBenchApp.WithCookie(app, CookieOf(changed)).GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(email, JewelBenchApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, "dana-new-password")).StatusCode);
    }

    [Fact]
    public async Task AShortNewPasswordIsRefused()
    {
        var response = await app.Client("eli", Role.Staff, Shop).PostAsJsonAsync("/api/auth/password",
            new { currentPassword = JewelBenchApp.Password, newPassword = "short" });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "newPassword");
    }

    [Fact]
    public async Task TheOwnerInvitesAUserWhoSignsInWithTheirRoleAndIsKeptInHistory()
    {
        var owner = app.Client("owner", Role.Owner, Shop);

        var invited = await (await owner.PostAsJsonAsync("/api/users",
            new { name = "Fay", email = "Fay@Signin-Shop.test", role = "Staff", password = "fay-first-password" })).ReadJsonAsync(HttpStatusCode.Created);
        var again = await owner.PostAsJsonAsync("/api/users", new { name = "Fay 2", email = "fay@signin-shop.test", role = "Owner", password = "another-password" });

        Assert.Equal("fay@signin-shop.test", (string)invited["email"]!);
        Assert.Null(invited["passwordHash"]);
        await again.ReadProblemAsync(HttpStatusCode.Conflict);
        var session = await (await SignInAsync("fay@signin-shop.test", "fay-first-password")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Staff", (string)session["role"]!);
        var users = await (await owner.GetAsync("/api/users")).ReadArrayAsync();
        Assert.Contains(users, u => (string)u!["email"]! == "fay@signin-shop.test");
        var history = await (await owner.GetAsync($"/api/users/{invited["id"]}/history")).ReadArrayAsync();
        Assert.Equal(("Created", "owner"), ((string)history[0]!["action"]!, (string)history[0]!["by"]!));
    }

    /// <summary>A staff member of the shop, signed in afresh, and their user id as the owner sees it.</summary>
    private async Task<(string Email, string Id, HttpClient Client)> StaffSignedInAsync(HttpClient owner, string name)
    {
        var email = JewelBenchApp.EmailOf(name, Role.Staff, Shop);
        app.Client(name, Role.Staff, Shop);
        var client = JewelBenchApp.WithCookie(app, CookieOf(await SignInAsync(email, JewelBenchApp.Password)));
        var users = await (await owner.GetAsync("/api/users")).ReadArrayAsync();
        return (email, (string)users.Single(u => (string)u!["email"]! == email)!["id"]!, client);
    }

    [Fact]
    public async Task DeactivatingAUserEndsTheirSessionAndSignInUntilReactivated()
    {
        var owner = app.Client("owner", Role.Owner, Shop);
        var (email, id, gus) = await StaffSignedInAsync(owner, "gus");

        await (await owner.PatchJsonAsync($"/api/users/{id}", new { active = false, reason = "Left the shop" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await gus.GetAsync("/api/jobs")).StatusCode);
        await (await SignInAsync(email, JewelBenchApp.Password)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var history = await (await owner.GetAsync($"/api/users/{id}/history")).ReadArrayAsync();
        Assert.Equal(("Deactivated", "Left the shop"), ((string)history[^1]!["action"]!, (string)history[^1]!["reason"]!));

        await (await owner.PatchJsonAsync($"/api/users/{id}", new { active = true })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, JewelBenchApp.Password)).StatusCode);
    }

    [Fact]
    public async Task AnOwnerSetsANewPasswordForSomeoneWhoForgotTheirsAndTheirSessionsEnd()
    {
        var owner = app.Client("owner", Role.Owner, Shop);
        var (email, id, ivy) = await StaffSignedInAsync(owner, "ivy");
        var me = await (await owner.GetAsync("/api/auth/me")).ReadJsonAsync(HttpStatusCode.OK);

        await (await owner.PatchJsonAsync($"/api/users/{id}", new { password = "ivy-fresh-password" })).ReadJsonAsync(HttpStatusCode.OK);
        var ownOwn = await owner.PatchJsonAsync($"/api/users/{me["userId"]}", new { password = "sneaky-new-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await ivy.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, "ivy-fresh-password")).StatusCode);
        await ownOwn.ReadProblemAsync(HttpStatusCode.Conflict);
        var history = await (await owner.GetAsync($"/api/users/{id}/history")).ReadArrayAsync();
        Assert.Equal("Password set by owner", (string)history[^1]!["summary"]!);
    }

    [Fact]
    public async Task NobodyDeactivatesThemselvesOrChangesTheirOwnRole()
    {
        var owner = app.Client("owner", Role.Owner, Shop);
        var me = await (await owner.GetAsync("/api/auth/me")).ReadJsonAsync(HttpStatusCode.OK);
        var before = await app.SnapshotAsync(Shop);

        var deactivate = await owner.PatchJsonAsync($"/api/users/{me["userId"]}", new { active = false });
        var demote = await owner.PatchJsonAsync($"/api/users/{me["userId"]}", new { role = "Staff" });

        await deactivate.ReadProblemAsync(HttpStatusCode.Conflict);
        await demote.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await app.SnapshotAsync(Shop));
    }

    [Fact]
    public async Task TheOwnerEditsTheShopAndEachChangeIsInItsHistory()
    {
        var owner = app.Client("owner", Role.Owner, "settings-shop");

        var edited = await (await owner.PatchJsonAsync("/api/shop", new { name = "Gold & Co", timeZone = "Europe/Paris", currency = "eur", taxRate = 20 }))
            .ReadJsonAsync(HttpStatusCode.OK);
        var bad = await owner.PatchJsonAsync("/api/shop", new { timeZone = "Mars/Olympus", currency = "EURO", taxRate = 99 });

        Assert.Equal(("Gold & Co", "Europe/Paris", "EUR", 20m), ((string)edited["name"]!, (string)edited["timeZone"]!, (string)edited["currency"]!, (decimal)edited["taxRate"]!));
        await bad.ReadProblemAsync(HttpStatusCode.BadRequest, "timeZone", "currency", "taxRate");
        var history = await (await owner.GetAsync("/api/shop/history")).ReadArrayAsync();
        Assert.Equal(["name", "timeZone", "currency", "taxRate"], history.Skip(1).Select(e => (string)e!["field"]!));
        Assert.All(history.Skip(1), e => Assert.Equal("owner", (string)e!["by"]!));
    }

    [Fact]
    public async Task ASessionWorksOnEveryHostInstanceBecauseTheCookieKeysAreInStorage()
    {
        app.Client("hana", Role.Staff, Shop);
        var cookie = CookieOf(await SignInAsync(JewelBenchApp.EmailOf("hana", Role.Staff, Shop), JewelBenchApp.Password));
        await using var secondInstance = app.WithWebHostBuilder(_ => { });

        var me = await (await JewelBenchApp.WithCookie(secondInstance, cookie).GetAsync("/api/auth/me")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("hana", (string)me["name"]!);
        Assert.Contains("\ndpkey|", "\n" + await app.SnapshotAsync(Keys.Install));
    }
}
