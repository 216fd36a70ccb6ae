using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Tests.Shops;

namespace JewelBench.Functions.Tests.Status;

[Collection(AppCollection.Name)]
public sealed class StatusPageApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("counter");

    /// <summary>A repair with one photo and 100.00 of approved work, ready for pickup; returns its id and status token.</summary>
    private async Task<(string Id, string Token)> ReadyRepairAsync()
    {
        var customer = (string)(await (await _client.PostAsJsonAsync("/api/customers", new { name = "Ada Park", email = "ada@park.test" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        var job = await (await _client.PostAsJsonAsync("/api/jobs", new { module = "Repair", description = "Retip four prongs", customerId = customer, item = "Solitaire ring" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = (string)job["id"]!;
        var photos = new MultipartFormDataContent { { new ByteArrayContent(ShopLogoTests.Png), "photos", "intake.png" } };
        (await _client.PostAsync($"/api/jobs/{id}/photos", photos)).EnsureSuccessStatusCode();
        (await _client.PutAsJsonAsync($"/api/jobs/{id}/quote", new { lines = new[] { new { description = "Retip", quantity = 4, unitPrice = 25 } } })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync($"/api/jobs/{id}/quote/approve", new { how = "InPerson", approvedBy = "Ada Park" })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "ReadyForPickup" })).EnsureSuccessStatusCode();
        return (id, ((string)job["statusPage"]!).Split('#')[1]);
    }

    [Fact]
    public async Task TheCustomerSeesStatusPhotosAndBalanceWithoutSigningIn()
    {
        var (id, token) = await ReadyRepairAsync();
        var anonymous = app.AnonymousClient();

        var page = await (await anonymous.GetAsync($"/api/status/{token}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal((id, "Ready for pickup", true), ((string)page["job"]!["id"]!, (string)page["job"]!["statusLabel"]!, (bool)page["job"]!["ready"]!));
        Assert.Equal(108.25m, (decimal)page["balance"]!["balanceDue"]!);
        Assert.Equal(("test-shop jewelers", "1 Bench Street"), ((string)page["shop"]!["name"]!, (string)page["shop"]!["address"]!));
        var photo = await anonymous.GetAsync($"/api/status/{token}/photos/{page["photos"]![0]}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        // The app's own request log redacts the secret; ASP.NET's request diagnostics (Debug/Information, off in host.json) would not.
        var leaks = app.Logs.Lines.Where(l => !l.Contains(" Microsoft.AspNetCore.", StringComparison.Ordinal)
            && l.Contains(token.Split('.')[1], StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task AWrongTokenAnswers404LikeAnUnknownJob()
    {
        var (_, token) = await ReadyRepairAsync();
        var secret = token.Split('.')[1];
        var anonymous = app.AnonymousClient();

        // The last of 22 base64url characters of 16 bytes is one of A, Q, g, w: change it to one it is not.
        var changed = secret[..^1] + (secret[^1] == 'A' ? 'Q' : 'A');
        foreach (var wrong in new[] { $"test-shop.{changed}", $"other-shop.{secret}", "test-shop", secret, "../../x.y" })
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/status/{Uri.EscapeDataString(wrong)}")).StatusCode);
    }

    [Fact]
    public async Task TheLinkExpiresAMonthAfterPickup()
    {
        var (id, token) = await ReadyRepairAsync();
        (await _client.PostAsJsonAsync($"/api/jobs/{id}/pickup", new { amount = 108.25, method = "Card" })).EnsureSuccessStatusCode();
        var anonymous = app.AnonymousClient();

        var afterPickup = await (await anonymous.GetAsync($"/api/status/{token}")).ReadJsonAsync(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(31));
        var expired = await anonymous.GetAsync($"/api/status/{token}");

        Assert.Equal(("Picked up", true), ((string)afterPickup["job"]!["statusLabel"]!, (bool)afterPickup["balance"]!["paid"]!));
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }
}
