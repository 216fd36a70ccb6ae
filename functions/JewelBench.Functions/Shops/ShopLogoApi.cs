using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;
using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Shops;

/// <summary>
/// The shop's logo in Blob Storage. Each upload gets a new server-made name; the shop row points at it in
/// a conditional write, and only then is the old image deleted, so a failed or lost change leaves the
/// logo that was there.
/// </summary>
public static class ShopLogoApi
{
    public static RouteGroupBuilder MapShopLogo(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/shop/logo").WithTags("Shop");
        group.MapGet("/", GetLogo).RequireAuthorization(Policies.Monitor);
        group.MapPut("/", PutLogo).RequireAuthorization(Policies.Owner);
        group.MapDelete("/", RemoveLogo).RequireAuthorization(Policies.Owner);
        return group;
    }

    private static async Task<IResult> GetLogo(Caller caller, IShopTable table, IBlobStore blobs, CancellationToken ct)
    {
        var logo = (await table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct))?.Value.Logo;
        var image = logo is null ? null : await blobs.GetAsync(logo.BlobName, ct);
        return image is null ? Answers.NotFound("The shop has no logo.") : TypedResults.File(image.Content, logo!.ContentType);
    }

    private static async Task<IResult> PutLogo(Caller caller, HttpRequest request, CommandRunner runner, IBlobStore blobs,
        IOptions<JewelBenchOptions> options)
    {
        var ct = request.HttpContext.RequestAborted;
        var image = await RequestBody.ReadAsync(request, options.Value.MaxImageBytes);
        var logo = new ShopLogo(BlobNames.ShopLogo(caller.ShopId), Images.Require(image), image.Length);
        await blobs.PutAsync(logo.BlobName, image, logo.ContentType, ct);
        string? replaced = null;
        IResult result;
        try
        {
            result = await ShopApi.RunAsync(caller, request, runner, null, (shop, change) =>
            {
                replaced = shop.Logo?.BlobName;
                shop.SetLogo(logo, change);
            });
        }
        catch
        {
            await blobs.DeleteIfExistsAsync(logo.BlobName, CancellationToken.None);
            throw;
        }
        var unused = Answers.Succeeded(result) ? replaced : logo.BlobName;
        if (unused is not null) await blobs.DeleteIfExistsAsync(unused, CancellationToken.None);
        return result;
    }

    private static async Task<IResult> RemoveLogo(Caller caller, HttpRequest request, CommandRunner runner, IBlobStore blobs)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        string? removed = null;
        var result = await ShopApi.RunAsync(caller, request, runner, reason, (shop, change) =>
        {
            removed = shop.Logo?.BlobName;
            shop.RemoveLogo(change);
        });
        if (Answers.Succeeded(result) && removed is not null) await blobs.DeleteIfExistsAsync(removed, CancellationToken.None);
        return result;
    }
}
