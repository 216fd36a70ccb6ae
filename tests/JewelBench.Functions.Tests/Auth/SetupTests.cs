using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Auth;

[Collection(AppCollection.Name)]
public sealed class SetupTests(JewelBenchApp app)
{
    private static readonly object FirstShop = new
    {
        shopName = "Rivera Fine Jewelry", address = "4 Main St", timeZone = "America/Chicago", currency = "USD", taxRate = 8.25,
        ownerName = "Rosa Rivera", email = "rosa@rivera.test", password = "rosa-owner-password",
    };

    [Fact]
    public async Task ANewInstallAsksOnceForItsFirstShopAndOwner()
    {
        await using var install = app.NewInstall();
        var client = install.CreateClient();
        var needed = await (await client.GetAsync("/api/setup")).ReadJsonAsync(HttpStatusCode.OK);

        var created = await (await client.PostAsJsonAsync("/api/setup", FirstShop)).ReadJsonAsync(HttpStatusCode.Created);

        Assert.True((bool)needed["needed"]!);
        var shop = await (await client.GetAsync("/api/shop")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Rivera Fine Jewelry", "America/Chicago", 8.25m), ((string)shop["name"]!, (string)shop["timeZone"]!, (decimal)shop["taxRate"]!));
        Assert.Equal("Owner", (string)created["user"]!["role"]!);
        Assert.False((bool)(await (await client.GetAsync("/api/setup")).ReadJsonAsync(HttpStatusCode.OK))["needed"]!);
        await (await install.CreateClient().PostAsJsonAsync("/api/setup", FirstShop)).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ABadSetupNamesEveryFieldAndLeavesTheInstallUnsetUp()
    {
        await using var install = app.NewInstall();
        var client = install.CreateClient();

        var response = await client.PostAsJsonAsync("/api/setup", new
        {
            shopName = "", timeZone = "Nowhere/Else", currency = "dollars", taxRate = -1, ownerName = "", email = "not-an-email", password = "long-enough-password",
        });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "shopName", "timeZone", "currency", "taxRate", "ownerName", "email");
        Assert.True((bool)(await (await client.GetAsync("/api/setup")).ReadJsonAsync(HttpStatusCode.OK))["needed"]!);
    }
}
