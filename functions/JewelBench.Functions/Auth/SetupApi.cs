using JewelBench.Core.Shops;
using JewelBench.Functions.Hosting;
using JewelBench.Functions.Shops;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Auth;

/// <summary>The first run of a new install: it asks for the first shop and its owner, once.</summary>
public static class SetupApi
{
    public static RouteGroupBuilder MapSetup(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/setup").WithTags("Sign-in").AllowAnonymous();
        group.MapGet("/", async (IShopTable table, CancellationToken ct) =>
            TypedResults.Ok(new { needed = await table.GetAsync<SetupRecord>(Keys.Install, Keys.SetupMarker, ct) is null }));
        group.MapPost("/", Setup).RequireRateLimiting(Policies.SignInLimit);
        return group;
    }

    private static async Task<IResult> Setup(HttpContext http, IShopTable table, ShopProvisioning provisioning, TimeProvider clock,
        IOptions<JewelBenchOptions> options, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        var details = new ShopDetails(body.Text("shopName"), body.Text("address"), body.Text("timeZone"),
            body.Text("currency") ?? options.Value.Currency, body.Decimal("taxRate"));
        var owner = new NewUser(body.Text("ownerName"), body.Text("email"), Role.Owner);
        var password = body.Text("password");
        body.ThrowIfInvalid();

        var shopId = Ids.New("shop");
        try
        {
            await table.CommitAsync(Keys.Install, [new TableWrite.Insert(Keys.SetupMarker, new SetupRecord(shopId, clock.GetUtcNow()))], ct);
        }
        catch (ConcurrencyException)
        {
            throw new RuleConflictException("This JewelBench is already set up. Sign in instead.");
        }
        try
        {
            var (shop, user) = await provisioning.CreateShopAsync(shopId, details, owner, password, ct);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionClaims.For(shop.Id, user));
            return TypedResults.Created("/api/shop", new { shopId = shop.Id, shopName = shop.Name, user = UsersApi.ToDto(user) });
        }
        catch
        {
            await table.CommitAsync(Keys.Install, [new TableWrite.Delete(Keys.SetupMarker, "*")], CancellationToken.None);
            throw;
        }
    }
}
