using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Customers;

[Collection(AppCollection.Name)]
public sealed class CustomersApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("counter");

    [Fact]
    public async Task ACustomerIsFoundByNameEmailOrPhoneDigits()
    {
        var id = (string)(await (await _client.PostAsJsonAsync("/api/customers", new { name = "Rosa Delgado", email = "rosa@delgado.test", phone = "(555) 222-7788" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;

        foreach (var q in new[] { "delgado", "ROSA@", "222 7788", "5552227788" })
        {
            var found = await (await _client.GetAsync($"/api/customers?q={Uri.EscapeDataString(q)}")).ReadArrayAsync();
            Assert.Contains(found, c => (string)c!["id"]! == id);
        }
        var none = await (await _client.GetAsync("/api/customers?q=zzzz-nobody")).ReadArrayAsync();
        Assert.Empty(none);
    }

    [Fact]
    public async Task ACustomerNeedsAWayToBeReachedAndAValidEmail()
    {
        var before = await app.SnapshotAsync();

        var unreachable = await _client.PostAsJsonAsync("/api/customers", new { name = "No Contact" });
        var badEmail = await _client.PostAsJsonAsync("/api/customers", new { name = "Bad Email", email = "not-an-address" });

        await unreachable.ReadProblemAsync(HttpStatusCode.BadRequest, "email");
        await badEmail.ReadProblemAsync(HttpStatusCode.BadRequest, "email");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task EditingACustomerKeepsThePreviousValueWhoAndWhy()
    {
        var id = (string)(await (await _client.PostAsJsonAsync("/api/customers", new { name = "Sam Okafor", phone = "555 0303" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;

        var edited = await (await _client.PatchJsonAsync($"/api/customers/{id}", new { email = "sam@okafor.test", reason = "Prefers email" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("sam@okafor.test", (string)edited["email"]!);
        var history = await (await _client.GetAsync($"/api/customers/{id}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string)e!["field"]! == "email" && e["from"] is null && (string)e["to"]! == "sam@okafor.test"
            && (string)e["by"]! == "counter" && (string)e["reason"]! == "Prefers email");
    }
}
