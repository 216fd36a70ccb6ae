using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Stock;

/// <summary>The inventory list's search, filters, sorts and paging, in a shop of its own; each test tags its pieces.</summary>
[Collection(AppCollection.Name)]
public sealed class StockListApiTests(JewelBenchApp app)
{
    private const string StockShop = "stock-list-shop";
    private readonly HttpClient _client = app.Client("owner", Role.Owner, StockShop);
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    /// <summary>A production job completed into pieces (one per unit when separate); returns the job and its StockIDs.</summary>
    private async Task<(string Job, List<string> Pieces)> CompleteAsync(string title, string category, decimal cost = 10m,
        string? location = null, int quantity = 1, bool separateItems = false)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = (string)(await app.CreateJobAsync(_client, $"Job {_tag}", new { quantity }))["id"]!;
        await (await _client.PostAsJsonAsync($"/api/jobs/{id}/items", new { kind = "Material", description = "Gold", quantity = 1, unit = "g", unitCost = cost }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" })).ReadJsonAsync(HttpStatusCode.OK);
        var job = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/complete",
            new { title, category, storageLocation = location ?? $"Tray {_tag}", quantity, separateItems })).ReadJsonAsync(HttpStatusCode.Accepted);
        return (id, job["completion"]!["pieces"]!.AsArray().Select(p => (string)p!).ToList());
    }

    private async Task<string> PieceAsync(string title, string category = "Rings", decimal cost = 10m, string? location = null) =>
        (await CompleteAsync(title, category, cost, location)).Pieces.Single();

    private async Task<JsonObject> ListAsync(string query) =>
        await (await _client.GetAsync($"/api/stock?{query}")).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<List<string>> IdsAsync(string query) =>
        (await ListAsync(query))["items"]!.AsArray().Select(s => (string)s!["stockId"]!).ToList();

    [Fact]
    public async Task SearchFindsAPieceByStockIdTitleCategoryLocationAndSourceJobIgnoringCase()
    {
        var (job, pieces) = await CompleteAsync($"Opal pendant {_tag}", $"Pendants{_tag}", location: $"Drawer{_tag} 4");
        var piece = pieces.Single();
        await PieceAsync($"Other {_tag}", location: "Safe");

        foreach (var q in new[] { piece, piece.ToLowerInvariant(), $"OPAL PENDANT {_tag}", $"pendants{_tag}", $"drawer{_tag}", job })
            Assert.Equal([piece], await IdsAsync($"q={Uri.EscapeDataString(q)}"));
        Assert.Equal(2, (int)(await ListAsync($"q={_tag}"))["total"]!);

        var row = (await ListAsync($"q={piece}"))["items"]![0]!;
        // One StockID for the whole quantity takes the job's number as its SKU.
        Assert.Equal((job, $"Opal pendant {_tag}", $"Pendants{_tag}", $"Drawer{_tag} 4", "Available", job, 10m),
            ((string)row["sku"]!, (string)row["title"]!, (string)row["category"]!, (string)row["storageLocation"]!,
                (string)row["status"]!, (string)row["jobId"]!, (decimal)row["costBasis"]!));
    }

    [Fact]
    public async Task ABatchIsFoundByItsSku()
    {
        var (_, pieces) = await CompleteAsync($"Stud earrings {_tag}", "Earrings", quantity: 4);

        var row = (await ListAsync($"q={Uri.EscapeDataString(pieces.Single())}"))["items"]![0]!;

        Assert.Equal(4, (int)row["quantity"]!);
        Assert.Equal([pieces.Single()], await IdsAsync($"q={Uri.EscapeDataString((string)row["sku"]!)}"));
    }

    [Fact]
    public async Task FiltersByStatusAndCategoryAndListsTheShopsCategories()
    {
        var ring = await PieceAsync($"Ring {_tag}", "Rings");
        var reserved = await PieceAsync($"Reserved ring {_tag}", "Rings");
        var sold = await PieceAsync($"Sold chain {_tag}", "Chains");
        await (await _client.PostAsJsonAsync($"/api/stock/{reserved}/reserve", new { })).ReadJsonAsync(HttpStatusCode.OK);
        await (await _client.PostAsJsonAsync($"/api/stock/{sold}/sell", new { })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal([sold, reserved, ring], await IdsAsync($"q={_tag}"));
        Assert.Equal([ring], await IdsAsync($"q={_tag}&status=Available"));
        Assert.Equal([reserved], await IdsAsync($"q={_tag}&status=reserved"));
        Assert.Equal([sold], await IdsAsync($"q={_tag}&status=Sold"));
        Assert.Equal([reserved, ring], await IdsAsync($"q={_tag}&category=rings"));
        Assert.Equal([reserved], await IdsAsync($"q={_tag}&category=Rings&status=Reserved"));
        Assert.Empty(await IdsAsync($"q={_tag}&category=Chains&status=Available"));
        var categories = (await ListAsync($"q={_tag}"))["categories"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Contains("Chains", categories);
        Assert.Contains("Rings", categories);
    }

    [Fact]
    public async Task SortsNewestFirstByTitleAndByCost()
    {
        var b = await PieceAsync($"b bangle {_tag}", cost: 50m);
        var a = await PieceAsync($"A anklet {_tag}", cost: 300m);
        var c = await PieceAsync($"C cuff {_tag}", cost: 20m);

        Assert.Equal([c, a, b], await IdsAsync($"q={_tag}"));
        Assert.Equal([c, a, b], await IdsAsync($"q={_tag}&sort=newest"));
        Assert.Equal([a, b, c], await IdsAsync($"q={_tag}&sort=title"));
        Assert.Equal([c, b, a], await IdsAsync($"q={_tag}&sort=Cost"));
        Assert.Equal([a, b, c], await IdsAsync($"q={_tag}&sort=costHighest"));
    }

    [Fact]
    public async Task PagesByTheShopsPageSizeOrTheOneAskedFor()
    {
        var (_, pieces) = await CompleteAsync($"Charm {_tag}", "Charms", quantity: 7, separateItems: true);
        var newestFirst = pieces.AsEnumerable().Reverse().ToList();

        var page1 = await ListAsync($"q={_tag}");
        var page2 = await ListAsync($"q={_tag}&page=2");
        var bySix = await ListAsync($"q={_tag}&pageSize=6&page=2");
        var past = await ListAsync($"q={_tag}&page=9");

        Assert.Equal((7, 5, 1), ((int)page1["total"]!, (int)page1["pageSize"]!, (int)page1["page"]!));
        Assert.Equal(newestFirst.Take(5), page1["items"]!.AsArray().Select(s => (string)s!["stockId"]!));
        Assert.Equal(newestFirst.Skip(5), page2["items"]!.AsArray().Select(s => (string)s!["stockId"]!));
        Assert.Equal((7, 6, 2), ((int)bySix["total"]!, (int)bySix["pageSize"]!, (int)bySix["page"]!));
        Assert.Equal([newestFirst[6]], bySix["items"]!.AsArray().Select(s => (string)s!["stockId"]!));
        Assert.Equal(100, (int)(await ListAsync($"q={_tag}&pageSize=100"))["pageSize"]!);
        Assert.Equal(7, (int)past["total"]!);
        Assert.Empty(past["items"]!.AsArray());
    }

    [Fact]
    public async Task BadQueryValuesAreProblemDetailsNamingEachField()
    {
        var response = await _client.GetAsync("/api/stock?status=Lost&sort=cheapest&page=x&pageSize=101");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "status", "sort", "page", "pageSize");
        Assert.Contains("Available, Reserved, Sold", problem["errors"]!["status"]![0]!.ToString());
        Assert.Contains("Newest, Title, Cost, CostHighest", problem["errors"]!["sort"]![0]!.ToString());
        Assert.Contains("between 1 and 100", problem["errors"]!["pageSize"]![0]!.ToString());
        await (await _client.GetAsync("/api/stock?pageSize=0")).ReadProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task AnotherShopsPiecesAreNotListed()
    {
        var piece = await PieceAsync($"Mine {_tag}");

        var other = await (await app.Client("owner", Role.Owner, JewelBenchApp.OtherShop).GetAsync($"/api/stock?q={_tag}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, (int)other["total"]!);
        Assert.Equal([piece], await IdsAsync($"q={_tag}"));
    }
}
