using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Jobs;

[Collection(AppCollection.Name)]
public sealed class JobsApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("maya");

    [Fact]
    public async Task PostingAJobNumbersItAndStoresItAsDraft()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs", new { description = "Halo pendant", rush = true, targetDate = "2026-12-01" });

        var job = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = (string)job["id"]!;
        Assert.Matches("^P-\\d{4}$", id);
        Assert.Equal($"/api/jobs/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"0\"", response.Headers.ETag?.ToString());
        var stored = await (await _client.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Draft", (string)stored["status"]!);
        Assert.Equal("InShop", (string)stored["lane"]!);
        Assert.Equal("Main", (string)stored["store"]!);
        Assert.True((bool)stored["rush"]!);
        Assert.Equal("2026-12-01", (string)stored["targetDate"]!);
        Assert.Equal("maya", (string)stored["createdBy"]!);
    }

    [Fact]
    public async Task JobNumbersAreSequential()
    {
        var first = await app.CreateJobAsync(_client, "First");
        var second = await app.CreateJobAsync(_client, "Second");

        var number = (JsonObject j) => int.Parse(((string)j["id"]!)[2..]);
        Assert.Equal(number(first) + 1, number(second));
    }

    [Fact]
    public async Task JobsOpenedAtTheSameTimeGetDistinctNumbers()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => app.CreateJobAsync(app.Client(), $"Parallel {i}")));

        var numbers = created.Select(j => int.Parse(((string)j["id"]!)[2..])).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 6), numbers);
    }

    [Fact]
    public async Task PostingJobWithoutDescriptionReturnsProblemDetailsAndWritesNothing()
    {
        var before = await app.SnapshotAsync();

        var response = await _client.PostAsJsonAsync("/api/jobs", new { quantity = 0, rush = "yes" });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "description", "rush");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task PostingAJobWithBadFieldsNamesEachField()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs", new { description = new string('x', 201), quantity = 0, targetDate = "next week" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "targetDate");
        Assert.Contains("YYYY-MM-DD", problem["errors"]!["targetDate"]![0]!.ToString());
    }

    [Fact]
    public async Task DomainValidationNamesTheFields()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs", new { description = new string('x', 201), quantity = 0 });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "description", "quantity");
    }

    [Fact]
    public async Task MalformedJsonIsABadRequest()
    {
        var response = await _client.PostAsync("/api/jobs", new StringContent("{nope", System.Text.Encoding.UTF8, "application/json"));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task UnknownJobIsNotFound()
    {
        var response = await _client.GetAsync("/api/jobs/P-9999");

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("P-9999", (string)problem["detail"]!);
    }

    [Fact]
    public async Task PatchChangesFieldsAndKeepsTheirHistory()
    {
        var job = await app.CreateJobAsync(_client, "Plain band");
        var id = (string)job["id"]!;

        var response = await _client.PatchJsonAsync($"/api/jobs/{id}", new { description = "Plain band, 18k", customer = "Ana Ruiz", reason = "Customer upgraded" }, "\"0\"");

        var edited = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Plain band, 18k", (string)edited["description"]!);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        var history = await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();
        var change = history.Single(e => (string?)e!["field"] == "description")!;
        Assert.Equal("Plain band", (string)change["from"]!);
        Assert.Equal("Plain band, 18k", (string)change["to"]!);
        Assert.Equal("maya", (string)change["by"]!);
        Assert.Equal("Customer upgraded", (string)change["reason"]!);
    }

    [Fact]
    public async Task PatchWithAStaleETagAnswers412WithTheCurrentJobAndWritesNothing()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Cuff"))["id"]!;
        await _client.PatchJsonAsync($"/api/jobs/{id}", new { rush = true }, "\"0\"");
        var before = await app.SnapshotAsync();

        var response = await _client.PatchJsonAsync($"/api/jobs/{id}", new { description = "Wide cuff" }, "\"0\"");

        var problem = await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Cuff", (string)problem["current"]!["description"]!);
        Assert.True((bool)problem["current"]!["rush"]!);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task PatchOfAnUnknownJobIsNotFound()
    {
        var response = await _client.PatchJsonAsync("/api/jobs/P-9998", new { rush = true });

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CustomerIsLockedOnceTheJobHasItems()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Locket"))["id"]!;
        await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Material", description = "Silver", quantity = 10, unit = "g", unitCost = 1.2 });
        var before = await app.SnapshotAsync();

        var response = await _client.PatchJsonAsync($"/api/jobs/{id}", new { customer = "Someone else" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("remove all items", (string)problem["detail"]!);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task ListFindsClosedJobsBySearchAndFiltersAndPages()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        for (var i = 0; i < 6; i++) ids.Add((string)(await app.CreateJobAsync(_client, $"Batch {tag} #{i}"))["id"]!);
        await _client.PostAsJsonAsync($"/api/jobs/{ids[0]}/transitions", new { to = "Canceled", reason = "Not needed" });

        var page1 = await (await _client.GetAsync($"/api/jobs?q={tag}")).ReadJsonAsync(HttpStatusCode.OK);
        var page2 = await (await _client.GetAsync($"/api/jobs?q={tag}&page=2")).ReadJsonAsync(HttpStatusCode.OK);
        var canceled = await (await _client.GetAsync($"/api/jobs?q={tag}&status=Canceled")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(6, (int)page1["total"]!);
        Assert.Equal(ids.AsEnumerable().Reverse().Take(5), page1["items"]!.AsArray().Select(j => (string)j!["id"]!));
        Assert.Equal([ids[0]], page2["items"]!.AsArray().Select(j => (string)j!["id"]!));
        Assert.Equal([ids[0]], canceled["items"]!.AsArray().Select(j => (string)j!["id"]!));
    }

    [Fact]
    public async Task ListWithAnUnknownStatusIsABadRequest()
    {
        var response = await _client.GetAsync("/api/jobs?status=Lost&page=two");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "status", "page");
    }

    [Fact]
    public async Task AJobIsInItsShopsCurrencyAndStaysInItWhenTheShopChangesCurrency()
    {
        var owner = app.Client("owner", Core.Shops.Role.Owner, "euro-shop");
        await (await owner.PatchJsonAsync("/api/shop", new { currency = "EUR" })).ReadJsonAsync(HttpStatusCode.OK);
        var id = (string)(await app.CreateJobAsync(owner, "Euro ring"))["id"]!;

        await (await owner.PatchJsonAsync("/api/shop", new { currency = "GBP" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("EUR", (string)(await (await owner.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK))["currency"]!);
        Assert.Equal("GBP", (string)(await app.CreateJobAsync(owner, "Pound ring"))["currency"]!);
    }
}
