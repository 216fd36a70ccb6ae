using JewelBench.Core.History;
using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;

namespace JewelBench.Functions.Shops;

/// <summary>The signed-in shop's profile and settings; owners change them.</summary>
public static class ShopApi
{
    public static RouteGroupBuilder MapShop(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/shop").WithTags("Shop");
        group.MapGet("/", GetShop);
        group.MapPatch("/", EditShop).RequireAuthorization(Policies.Owner);
        group.MapGet("/history", History).RequireAuthorization(Policies.Owner);
        return group;
    }

    private static async Task<IResult> GetShop(Caller caller, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct) is { } stored
            ? Answers.Ok(stored.Value, stored.Value)
            : Answers.NotFound("The shop was not found.");

    private static async Task<IResult> EditShop(Caller caller, HttpRequest request, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(request);
        var edits = new ShopDetails(body.Text("name"), body.Text("address"), body.Text("timeZone"), body.Text("currency"),
            body.Decimal("taxRate"), body.Bool("manufacturer"));
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await RunAsync(caller, request, runner, reason, (shop, change) => shop.Edit(edits, change));
    }

    /// <summary>A change to the shop row and its history, conditional like every command.</summary>
    public static Task<IResult> RunAsync(Caller caller, HttpRequest request, CommandRunner runner, string? reason,
        Action<ShopProfile, Change> command) =>
        runner.RunAsync<ShopProfile>(caller, Keys.ShopHistorySubject, Keys.Shop, request.Headers.IfMatch, reason, (shop, change) =>
        {
            command(shop, change);
            return Task.FromResult(Enumerable.Empty<TableWrite>());
        }, shop => shop, "Shop", ct: request.HttpContext.RequestAborted);

    private static async Task<Ok<List<HistoryEvent>>> History(Caller caller, IShopTable table, CancellationToken ct) =>
        TypedResults.Ok((await table.QueryAsync<HistoryEvent>(caller.ShopId, Keys.HistoryPrefix(Keys.ShopHistorySubject), ct))
            .Select(e => e.Value).ToList());
}
