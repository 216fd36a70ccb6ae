using System.Net;
using System.Net.Http.Json;
using JewelBench.Functions.Demo;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Demo;

[Collection(AppCollection.Name)]
public sealed class DemoShopTests(JewelBenchApp app)
{
    /// <summary>What `./jewelbench start` shows a newcomer: every lane of the board holds repairs, custom and production jobs.</summary>
    [Fact]
    public async Task TheDemoShopFillsEveryLaneWithAllThreeModules()
    {
        await using var install = app.NewInstall(new() { ["jewelbench:seedDemoShop"] = "true", ["jewelbench:workflow:consumers"] = "0" });
        var client = install.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoShopSeeder.StaffEmail, password = DemoShopSeeder.Password })).EnsureSuccessStatusCode();

        var board = await (await client.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK);
        var cards = board["lanes"]!.AsArray().ToDictionary(l => (string)l!["lane"]!, l => l!["cards"]!.AsArray().Select(c => c!).ToList());

        Assert.All(new[] { "InShop", "InProgress", "ReadyForPickup", "OnHold" }, lane => Assert.NotEmpty(cards[lane]));
        Assert.Equal(["Custom", "Production", "Repair"], cards.Values.SelectMany(c => c).Select(c => (string)c["module"]!).Distinct().Order());
        var ready = cards["ReadyForPickup"].Single();
        var job = await (await client.GetAsync($"/api/jobs/{ready["jobId"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Raj Patel", "INV-0001"), ((string)job["customer"]!, (string)job["invoice"]!["id"]!));
        Assert.NotEmpty(await (await client.GetAsync("/api/price-list")).ReadArrayAsync());
        Assert.NotEmpty(await (await client.GetAsync("/api/materials?low=true")).ReadArrayAsync());
        Assert.Equal(["MyDesign", "Vendor"], (await (await client.GetAsync("/api/styles")).ReadArrayAsync()).Select(s => (string)s!["origin"]!).Order());
    }
}
