using System.Security.Claims;
using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;

namespace JewelBench.Functions.Http;

/// <summary>
/// Who is calling and in which shop, taken from the signed-in session only: never from a route, query,
/// header or body. <see cref="User"/> is the name history records.
/// </summary>
public sealed record Caller(string ShopId, string UserId, string User, Role Role)
{
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));

    public static Caller From(ClaimsPrincipal principal)
    {
        string Claim(string type) => principal.FindFirstValue(type)
            ?? throw new InvalidOperationException($"The session has no {type} claim; is the endpoint missing its policy?");
        return new Caller(Claim(SessionClaims.Shop), Claim(SessionClaims.UserId), Claim(ClaimTypes.Name),
            Enum.Parse<Role>(Claim(ClaimTypes.Role)));
    }
}
