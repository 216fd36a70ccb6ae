using System.Security.Claims;
using JewelBench.Core.Shops;
using JewelBench.Functions.Shops;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace JewelBench.Functions.Auth;

/// <summary>What a session cookie carries, and the check on every request that it still stands.</summary>
public static class SessionClaims
{
    public const string Shop = "jb:shop";
    public const string UserId = "jb:user";
    public const string Stamp = "jb:stamp";
    public const string KioskLink = "jb:kiosk-link";

    public static ClaimsPrincipal For(string shopId, ShopUser user) => Principal(
        new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role.ToString()),
        new(Shop, shopId), new(UserId, user.Id), new(Stamp, user.SessionStamp));

    public static ClaimsPrincipal ForKiosk(string shopId, KioskLink link) => Principal(
        new(ClaimTypes.Name, $"Kiosk: {link.Name}"), new(ClaimTypes.Role, nameof(Role.Kiosk)),
        new(Shop, shopId), new(UserId, $"kiosk-{link.Id}"), new(KioskLink, link.Id));

    /// <summary>
    /// A session ends as soon as its user is deactivated, changes password or role, or its kiosk link is
    /// revoked: each request re-reads that one row.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var table = context.HttpContext.RequestServices.GetRequiredService<IShopTable>();
        var principal = context.Principal!;
        var shop = principal.FindFirstValue(Shop);
        var ct = context.HttpContext.RequestAborted;
        var valid = shop is not null && (principal.FindFirstValue(KioskLink) is { } linkId
            ? await table.GetAsync<KioskLink>(shop, Keys.KioskLink(linkId), ct) is not null
            : principal.FindFirstValue(UserId) is { } userId
              && await table.GetAsync<ShopUser>(shop, Keys.User(userId), ct) is { Value: { Active: true } user }
              && user.SessionStamp == principal.FindFirstValue(Stamp));
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
}
