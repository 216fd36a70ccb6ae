using System.Net;
using System.Net.Http.Json;
using JewelBench.Core.Shops;
using JewelBench.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JewelBench.Functions.Tests.Auth;

[Collection(AppCollection.Name)]
public sealed class RateLimitTests(JewelBenchApp app)
{
    private WebApplicationFactory<Program> Install(int perAddress, int perAccount) => app.NewInstall(new()
    {
        ["jewelbench:signIn:perAddressPerMinute"] = perAddress.ToString(),
        ["jewelbench:signIn:perAccountPer15Minutes"] = perAccount.ToString(),
    });

    [Fact]
    public async Task GuessingOneAccountsPasswordIsStoppedEvenWhenTheRightOneComesNext()
    {
        await using var install = Install(perAddress: 100, perAccount: 3);
        await JewelBenchApp.OwnerClientAsync(install, "limits-shop");
        var email = JewelBenchApp.EmailOf("owner", Role.Owner, "limits-shop");
        var client = JewelBenchApp.AnonymousClient(install);

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/sign-in", new { email, password = $"guess-{i}" })).StatusCode);
        var blocked = await client.PostAsJsonAsync("/api/auth/sign-in", new { email, password = JewelBenchApp.Password });

        await blocked.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(blocked.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/sign-in",
            new { email = "someone-else@limits-shop.test", password = "guess" })).StatusCode);
    }

    [Fact]
    public async Task OneAddressTryingManyAccountsOrKioskTokensIsStopped()
    {
        await using var install = Install(perAddress: 4, perAccount: 100);
        var client = install.CreateClient();

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = $"user{i}@spray.test", password = "guess" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/kiosk/session", new { token = "AAAAAAAAAAAAAAAAAAAAAA" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/kiosk/session", new { token = "BBBBBBBBBBBBBBBBBBBBBB" })).StatusCode);

        await (await client.PostAsJsonAsync("/api/kiosk/session", new { token = "CCCCCCCCCCCCCCCCCCCCCC" })).ReadProblemAsync(HttpStatusCode.TooManyRequests);
        await (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = "user9@spray.test", password = "guess" })).ReadProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
