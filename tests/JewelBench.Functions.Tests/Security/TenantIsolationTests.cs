using System.Net;
using JewelBench.Core.Shops;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class TenantIsolationTests(JewelBenchApp app)
{
    /// <summary>
    /// Signed in to a shop of its own, an owner calls every route of the API with the ids of another shop's
    /// rows, and names that shop in the query and headers too: the shop comes from the session only.
    /// </summary>
    [Fact]
    public async Task AnotherShopsRowsAreNotFoundOnEveryRouteAndNothingOfThemChanges()
    {
        var shopB = await ShopIds.SeedAsync(app, "isolation-b");
        var before = await app.SnapshotAsync(shopB.Shop);
        var owner = app.Client("owner", Role.Owner, "isolation-a");
        // Routes with ids first: the others create rows in shop A, whose numbers could then match B's.
        var routes = ApiRoute.All(app.Services).Where(r => !r.Anonymous && r.ToString() != "POST /api/auth/sign-out")
            .OrderBy(r => r.Parameters.Count == 0).ToList();

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var request = JewelBenchApp.Request(route.Method, $"{route.Url(p => shopB[p])}?shop={shopB.Shop}&shopId={shopB.Shop}",
                route.Writes ? ApiRoute.ValidBody(route) : null);
            request.Headers.Add("X-Shop-Id", shopB.Shop);
            var response = await owner.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            if (route.Parameters.Count > 0 && response.StatusCode != HttpStatusCode.NotFound)
                failures.Add($"{route}: {(int)response.StatusCode} {text}");
            else if (text.Contains(ShopIds.Marker) || text.Contains(shopB.Shop))
                failures.Add($"{route}: the answer shows shop B's data: {text}");
            else if ((int)response.StatusCode >= 500)
                failures.Add($"{route}: {(int)response.StatusCode}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(routes, r => r.Pattern == "/api/jobs/{id}/stages/{stageId}");
        Assert.Equal(before, await app.SnapshotAsync(shopB.Shop));
    }
}
