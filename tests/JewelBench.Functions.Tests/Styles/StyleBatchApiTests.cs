using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Tests.Shops;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Styles;

/// <summary>The style catalog and batches made from it, against Azurite: BOM × N from stock, N pieces with the style's images.</summary>
[Collection(AppCollection.Name)]
public sealed class StyleBatchApiTests(JewelBenchApp app)
{
    private const string Shop = "style-shop";
    private readonly HttpClient _owner = app.Client("owner", Role.Owner, Shop);

    private async Task<string> MaterialAsync(object body) =>
        (string)(await (await _owner.PostAsJsonAsync("/api/materials", body)).ReadJsonAsync(HttpStatusCode.Created))["id"]!;

    private async Task ManufacturerAsync() =>
        (await _owner.PatchJsonAsync("/api/shop", new { manufacturer = true })).EnsureSuccessStatusCode();

    /// <summary>A stud earring design: 2 stones at 25.00 and 1.5 g of gold at 60.00 per piece, 0.5 h labor at 40.00, a 5.00 finishing fee.</summary>
    private async Task<(string Style, string Stone, string Gold)> StudStyleAsync(decimal stones = 100, decimal grams = 100)
    {
        var stone = await MaterialAsync(new { kind = "Stone", name = "Round CZ 4 mm", unit = "pcs", unitCost = 25, onHand = stones });
        var gold = await MaterialAsync(new { kind = "Metal", name = "14k grain", unit = "g", unitCost = 60, onHand = grams, metal = "Gold", karat = "14k" });
        var style = await (await _owner.PostAsJsonAsync("/api/styles", new
        {
            code = "ER-104", name = "Bezel stud", category = "Earrings", origin = "MyDesign",
            bom = new object[]
            {
                new { kind = "Material", materialId = stone, quantity = 2 },
                new { kind = "Material", materialId = gold, quantity = 1.5 },
                new { kind = "Labor", description = "Setting", quantity = 0.5, unitCost = 40 },
                new { kind = "Fee", description = "Finishing", unitCost = 5 },
            },
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(50m + 90m + 20m + 5m, (decimal)style["cost"]!);
        return ((string)style["id"]!, stone, gold);
    }

    private static MultipartFormDataContent Images(string field, int count)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < count; i++)
        {
            var part = new ByteArrayContent(ShopLogoTests.Png);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
            form.Add(part, field, $"view-{i}.png");
        }
        return form;
    }

    [Fact]
    public async Task ABatchOfTwelveClosesOutAsTwelvePiecesAtBomPlusStageCostWithTheStyleImages()
    {
        await ManufacturerAsync();
        var (style, stone, gold) = await StudStyleAsync();
        var styleImages = (await (await _owner.PostAsync($"/api/styles/{style}/images", Images("images", 2))).ReadJsonAsync(HttpStatusCode.Created))["images"]!
            .AsArray().Select(i => (string)i!["id"]!).ToList();

        var job = await (await _owner.PostAsJsonAsync($"/api/styles/{style}/jobs", new { quantity = 12 })).ReadJsonAsync(HttpStatusCode.Created);
        var id = (string)job["id"]!;
        Assert.Equal(((decimal)24, (decimal)18), ((decimal)job["items"]![0]!["quantity"]!, (decimal)job["items"]![1]!["quantity"]!));
        Assert.Equal(165m * 12, (decimal)job["costs"]!["total"]!);
        Assert.Equal((76m, 24m), await StockAsync(stone));
        Assert.Equal((82m, 18m), await StockAsync(gold));

        var jobPhoto = (string)(await (await _owner.PostAsync($"/api/jobs/{id}/photos", Images("photos", 1))).ReadJsonAsync(HttpStatusCode.Created))["photos"]![0]!["id"]!;
        var stage = (string)(await (await _owner.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name = "Casting", vendor = "Acme", vendorKind = "Outside", cost = 120 }))
            .ReadJsonAsync(HttpStatusCode.Created))["stages"]![0]!["id"]!;
        (await _owner.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        (await _owner.PatchJsonAsync($"/api/jobs/{id}/stages/{stage}", new { status = "Done" })).EnsureSuccessStatusCode();
        var completed = await (await _owner.PostAsJsonAsync($"/api/jobs/{id}/complete", new { category = "Earrings", separateItems = true }))
            .ReadJsonAsync(HttpStatusCode.Accepted);
        await app.Services.GetRequiredService<OperationExecutor>().DrainAsync();

        var pieces = completed["completion"]!["pieces"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(12, pieces.Count);
        foreach (var piece in pieces)
        {
            var stock = await (await _owner.GetAsync($"/api/stock/{piece}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((165m + 10m, "Bezel stud (ER-104)"), ((decimal)stock["costBasis"]!, (string)stock["title"]!));
            Assert.Equal([jobPhoto, .. styleImages], stock["photos"]!.AsArray().Select(p => (string)p!));
            foreach (var photo in styleImages.Append(jobPhoto))
                Assert.Equal(ShopLogoTests.Png, await _owner.GetByteArrayAsync($"/api/stock/{piece}/photos/{photo}"));
        }
        Assert.Equal((76m, 0m), await StockAsync(stone));
    }

    [Fact]
    public async Task ABatchNeedsAManufacturerAndEnoughStockAndOtherwiseWritesNothing()
    {
        var (style, _, _) = await StudStyleAsync(stones: 10);
        (await _owner.PatchJsonAsync("/api/shop", new { manufacturer = false })).EnsureSuccessStatusCode();
        var before = await app.SnapshotAsync(Shop);

        var notManufacturer = await _owner.PostAsJsonAsync($"/api/styles/{style}/jobs", new { quantity = 2 });
        Assert.Equal(before, await app.SnapshotAsync(Shop));
        await ManufacturerAsync();
        var afterSetting = await app.SnapshotAsync(Shop);
        var short_ = await _owner.PostAsJsonAsync($"/api/styles/{style}/jobs", new { quantity = 6 });

        Assert.Contains("manufacture", (string)(await notManufacturer.ReadProblemAsync(HttpStatusCode.Conflict))["detail"]!);
        Assert.Contains("Only 10 pcs", (string)(await short_.ReadProblemAsync(HttpStatusCode.Conflict))["detail"]!);
        Assert.Equal(afterSetting, await app.SnapshotAsync(Shop));
    }

    [Fact]
    public async Task TheCatalogHasTwoViewsAndEditingAStyleLeavesItsJobsAlone()
    {
        await ManufacturerAsync();
        var (mine, _, _) = await StudStyleAsync();
        var vendor = await (await _owner.PostAsJsonAsync("/api/styles", new
        {
            code = "SUP-77", name = "Supplier chain", category = "Necklaces", origin = "Vendor", vendor = "Stuller",
            bom = new object[] { new { kind = "Material", description = "Chain 18 in", quantity = 1, unit = "pcs", unitCost = 32 } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var job = (string)(await (await _owner.PostAsJsonAsync($"/api/styles/{mine}/jobs", new { quantity = 1 })).ReadJsonAsync(HttpStatusCode.Created))["id"]!;

        await (await _owner.PatchJsonAsync($"/api/styles/{mine}", new { name = "Bezel stud, heavy", bom = Array.Empty<object>() })).ReadJsonAsync(HttpStatusCode.OK);

        var designs = await (await _owner.GetAsync("/api/styles?origin=MyDesign")).ReadArrayAsync();
        var vendors = await (await _owner.GetAsync("/api/styles?origin=Vendor")).ReadArrayAsync();
        Assert.All(designs, s => Assert.Equal("MyDesign", (string)s!["origin"]!));
        Assert.Contains(vendors, s => (string)s!["id"]! == (string)vendor["id"]! && (string)s["vendor"]! == "Stuller");
        Assert.DoesNotContain(designs, s => (string)s!["id"]! == (string)vendor["id"]!);
        var stillAsMade = await (await _owner.GetAsync($"/api/jobs/{job}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Bezel stud", 4), ((string)stillAsMade["style"]!["name"]!, stillAsMade["items"]!.AsArray().Count));
        var history = await (await _owner.GetAsync($"/api/styles/{mine}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string?)e!["field"] == "name" && (string?)e["from"] == "Bezel stud");
    }

    [Fact]
    public async Task ABatchTakesTheStagesOfTheStylesProcess()
    {
        await ManufacturerAsync();
        var (style, _, _) = await StudStyleAsync();
        var process = await (await _owner.PostAsJsonAsync("/api/processes", new
        {
            name = "Stud line", stages = new object[] { new { name = "Casting", vendor = "Acme", vendorKind = "Outside", cost = 40 }, new { name = "Setting", cost = 25 } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        await (await _owner.PatchJsonAsync($"/api/styles/{style}", new { processId = (string)process["id"]! })).ReadJsonAsync(HttpStatusCode.OK);

        var job = await (await _owner.PostAsJsonAsync($"/api/styles/{style}/jobs", new { quantity = 4 })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(["Casting", "Setting"], job["stages"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Equal(("Stud line", 65m), ((string)job["process"]!["name"]!, (decimal)job["costs"]!["stagesPlanned"]!));
    }

    [Fact]
    public async Task ABomLineMustNameAMaterialInInventory()
    {
        var before = await app.SnapshotAsync(Shop);

        var response = await _owner.PostAsJsonAsync("/api/styles", new
        {
            code = "X-1", name = "Ghost", category = "Rings", origin = "Vendor",
            bom = new object[] { new { kind = "Material", materialId = "M-9999", quantity = 1 }, new { kind = "Labor", quantity = -1 } },
        });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "vendor", "bom[1].quantity");
        Assert.Equal(before, await app.SnapshotAsync(Shop));
    }

    private async Task<(decimal OnHand, decimal Committed)> StockAsync(string material)
    {
        var m = await (await _owner.GetAsync($"/api/materials/{material}")).ReadJsonAsync(HttpStatusCode.OK);
        return ((decimal)m["onHand"]!, (decimal)m["committed"]!);
    }
}
