using System.Net;
using System.Net.Http.Json;
using JewelBench.Core.Shops;
using JewelBench.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JewelBench.Functions.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class SecretsInLogsTests(JewelBenchApp app)
{
    /// <summary>
    /// Signs in, fails to sign in, changes a password, opens a kiosk link and makes the storage fail; then no
    /// log line of the whole run so far, and no answer, holds a password, a session cookie, a kiosk token or
    /// the storage account key.
    /// </summary>
    [Fact]
    public async Task NoPasswordTokenCookieOrStorageKeyIsLoggedOrAnswered()
    {
        const string shop = "secrets-shop";
        const string newPassword = "Secret-New-Password-42";
        var owner = app.Client("owner", Role.Owner, shop);
        var email = JewelBenchApp.EmailOf("owner", Role.Owner, shop);
        var answers = new List<string>();
        async Task<HttpResponseMessage> Keep(Task<HttpResponseMessage> call)
        {
            var response = await call;
            answers.Add(await response.Content.ReadAsStringAsync() + string.Join(" ", response.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
            return response;
        }

        // The one answer that shows a kiosk token is the one that creates it.
        var link = await (await owner.PostAsJsonAsync("/api/kiosk-links", new { name = "Wall" })).ReadJsonAsync(HttpStatusCode.Created);
        var token = ((string)link["url"]!).Split('/').Last();
        await Keep(app.AnonymousClient().PostAsJsonAsync("/api/auth/sign-in", new { email, password = "Wrong-Password-Guess-1" }));
        var signedIn = await Keep(app.AnonymousClient().PostAsJsonAsync("/api/auth/sign-in", new { email, password = JewelBenchApp.Password }));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").First().Split(';')[0].Split('=', 2)[1];
        await Keep(JewelBenchApp.WithCookie(app, $"jewelbench.session={cookie}")
            .PostAsJsonAsync("/api/auth/password", new { currentPassword = JewelBenchApp.Password, newPassword }));
        await Keep(app.AnonymousClient().PostAsJsonAsync("/api/kiosk/session", new { token }));
        await Keep(app.AnonymousClient().PostAsJsonAsync("/api/setup", new { shopName = "X", ownerName = "Y", email = "y@x.test", password = "Setup-Password-99" }));
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Azurite.DevKey};" +
            $"TableEndpoint=http://127.0.0.1:{Azurite.FreePort()}/devstoreaccount1;";
        await using (var broken = app.NewInstall(new() { ["AzureWebJobsStorage"] = unreachable }).WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.RemoveAll<IHostedService>()).ConfigureLogging(l => l.AddProvider(app.Logs))))
            await Keep(broken.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { email, password = "Broken-Storage-Password-7" }));

        string[] secrets = [JewelBenchApp.Password, newPassword, "Wrong-Password-Guess-1", "Setup-Password-99", "Broken-Storage-Password-7",
            cookie, token, Azurite.DevKey];
        var logs = string.Join("\n", app.Logs.Lines);
        Assert.True(app.Logs.Lines.Count > 50, "The log capture saw too little to mean anything.");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs);
            Assert.All(answers, answer => Assert.DoesNotContain(secret, answer.Replace($"jewelbench.session={cookie}", "")));
        }
    }
}
