using System.Net;
using System.Net.Http.Headers;
using JewelBench.Core.Shops;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Shops;

[Collection(AppCollection.Name)]
public sealed class ShopLogoTests(JewelBenchApp app)
{
    private const string Shop = "logo-shop";

    /// <summary>The smallest valid PNG: one transparent pixel.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0xFF, 0xD9];

    private static ByteArrayContent Image(byte[] bytes, string declaredType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        return content;
    }

    private async Task<string?> BlobNameAsync() => (await app.Services.GetRequiredService<IShopTable>().GetAsync<ShopProfile>(Shop, Keys.Shop))?.Value.Logo?.BlobName;

    [Fact]
    public async Task TheOwnersLogoIsStoredUnderAServerMadeNameAndServedAsItsRealTypeWithNoSniffing()
    {
        var owner = app.Client("owner", Role.Owner, Shop);
        var blobs = app.Services.GetRequiredService<IBlobStore>();

        await (await owner.PutAsync("/api/shop/logo", Image(Png, "application/octet-stream"))).ReadJsonAsync(HttpStatusCode.OK);
        var first = await BlobNameAsync();
        var served = await app.Client("staff", Role.Staff, Shop).GetAsync("/api/shop/logo");

        Assert.StartsWith($"{Shop}/logo-", first);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());

        await (await owner.PutAsync("/api/shop/logo", Image(Jpeg, "image/png"))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", (await owner.GetAsync("/api/shop/logo")).Content.Headers.ContentType?.MediaType);
        Assert.Null(await blobs.GetAsync(first!));

        var second = await BlobNameAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync("/api/shop/logo")).StatusCode);
        await (await owner.GetAsync("/api/shop/logo")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(await blobs.GetAsync(second!));
        var history = await (await owner.GetAsync("/api/shop/history")).ReadArrayAsync();
        Assert.Equal(["LogoChanged", "LogoChanged", "LogoRemoved"], history.Skip(1).Select(e => (string)e!["action"]!));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", "image/png")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "image/svg+xml")]
    [InlineData("GIF89a not accepted", "image/gif")]
    public async Task AnythingButARealPngJpegOrWebpIsRefusedWhateverItsDeclaredType(string body, string declaredType)
    {
        var owner = app.Client("owner", Role.Owner, Shop);
        var before = await app.SnapshotAsync(Shop);

        var response = await owner.PutAsync("/api/shop/logo", Image(System.Text.Encoding.UTF8.GetBytes(body), declaredType));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await app.SnapshotAsync(Shop));
    }

    [Fact]
    public async Task ALogoOverTheLimitIsRefusedWith413()
    {
        var owner = app.Client("owner", Role.Owner, Shop);
        var before = await app.SnapshotAsync(Shop);

        var response = await owner.PutAsync("/api/shop/logo", Image([.. Png, .. new byte[3 * 1024 * 1024]], "image/png"));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await app.SnapshotAsync(Shop));
    }
}
