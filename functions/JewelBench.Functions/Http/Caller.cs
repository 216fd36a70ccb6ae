using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Http;

/// <summary>
/// Who is calling and in which shop. Until sign-in arrives, every caller works in the configured shop
/// and names themselves with the X-JewelBench-User header, so history still says who.
/// </summary>
public sealed record Caller(string ShopId, string User)
{
    public const string UserHeader = "X-JewelBench-User";

    public static ValueTask<Caller?> BindAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JewelBenchOptions>>().Value;
        var user = context.Request.Headers[UserHeader].ToString().Trim();
        if (user.Length is 0 or > 60) user = "bench";
        return ValueTask.FromResult<Caller?>(new Caller(options.DefaultShop, user));
    }
}
