using System.Security.Cryptography;
using JewelBench.Core.History;
using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;

namespace JewelBench.Functions.Shops;

/// <summary>
/// Kiosk links open the read-only workshop monitor on a wall screen. The token is 128 random bits, shown
/// once, kept only as a hash, carried in the URL fragment (so it never reaches a server log), and revoked
/// by deleting the link, which ends its sessions on their next request.
/// </summary>
public static class KioskLinksApi
{
    public static IEndpointRouteBuilder MapKioskLinks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/kiosk-links").WithTags("Kiosk").RequireAuthorization(Policies.Owner);
        group.MapGet("/", ListLinks);
        group.MapPost("/", CreateLink);
        group.MapDelete("/{linkId}", RevokeLink);
        routes.MapPost("/kiosk/session", OpenSession).WithTags("Kiosk").AllowAnonymous().RequireRateLimiting(Policies.SignInLimit);
        return routes;
    }

    public sealed record KioskLinkDto(string Id, string Name, string CreatedBy, DateTimeOffset CreatedAt);

    private static KioskLinkDto ToDto(KioskLink link) => new(link.Id, link.Name, link.CreatedBy, link.CreatedAt);

    private static async Task<Ok<List<KioskLinkDto>>> ListLinks(Caller caller, IShopTable table, CancellationToken ct) =>
        TypedResults.Ok((await table.QueryAsync<KioskLink>(caller.ShopId, Keys.KioskLinkPrefix, ct)).Select(l => ToDto(l.Value)).ToList());

    private static async Task<IResult> CreateLink(Caller caller, HttpRequest request, IShopTable table, TimeProvider clock,
        CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("name");
        var name = body.Text("name")?.Trim() ?? "";
        if (name.Length > 60) throw ValidationFailedException.For("name", "must be at most 60 characters.");
        body.ThrowIfInvalid();

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var change = new Change(caller.User, clock.GetUtcNow());
        var link = new KioskLink(Ids.New("k"), name, Keys.Hash(token), caller.User, change.At);
        await table.CommitAsync(Keys.Install, [new TableWrite.Insert(Keys.KioskToken(token), new KioskTokenEntry(caller.ShopId, link.Id))], ct);
        await RecordOnShopAsync(table, caller.ShopId, shop => shop.KioskLinkCreated(name, change),
            new TableWrite.Insert(Keys.KioskLink(link.Id), link), ct);
        return TypedResults.Created($"/api/kiosk-links/{link.Id}", new { link = ToDto(link), url = $"/#/kiosk/{token}" });
    }

    private static async Task<IResult> RevokeLink(string linkId, Caller caller, HttpRequest request, IShopTable table, TimeProvider clock,
        CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        if (await table.GetAsync<KioskLink>(caller.ShopId, Keys.KioskLink(linkId), ct) is not { } stored)
            return Answers.NotFound($"Kiosk link {linkId} was not found.");
        var change = new Change(caller.User, clock.GetUtcNow(), reason);
        await RecordOnShopAsync(table, caller.ShopId, shop => shop.KioskLinkRevoked(stored.Value.Name, change),
            new TableWrite.Delete(stored.RowKey, stored.ETag), ct);
        await table.CommitAsync(Keys.Install, [new TableWrite.Delete(Keys.KioskTokenHash(stored.Value.TokenHash), "*")], ct);
        return TypedResults.NoContent();
    }

    /// <summary>Signs the browser in as the kiosk of the link's shop.</summary>
    private static async Task<IResult> OpenSession(HttpContext http, IShopTable table, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        body.Require("token");
        var token = body.Text("token") ?? "";
        body.ThrowIfInvalid();
        var entry = token.Length is > 0 and <= 64 ? await table.GetAsync<KioskTokenEntry>(Keys.Install, Keys.KioskToken(token), ct) : null;
        var link = entry is null ? null : await table.GetAsync<KioskLink>(entry.Value.ShopId, Keys.KioskLink(entry.Value.LinkId), ct);
        if (entry is null || link is null)
            return Answers.NotFound("This kiosk link is not valid; it may have been revoked. Ask the shop owner for a new one.");
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionClaims.ForKiosk(entry.Value.ShopId, link.Value));
        return TypedResults.NoContent();
    }

    /// <summary>Writes the link row together with the shop's history event, so the shop's history says who made or revoked it.</summary>
    private static async Task RecordOnShopAsync(IShopTable table, string shopId, Action<ShopProfile> record, TableWrite linkWrite,
        CancellationToken ct)
    {
        var shop = await table.GetAsync<ShopProfile>(shopId, Keys.Shop, ct) ?? throw new NotFoundException("The shop was not found.");
        record(shop.Value);
        shop.Value.Version++;
        await table.CommitAsync(shopId, [new TableWrite.Replace(Keys.Shop, shop.Value, shop.ETag),
            .. RecordedWrites.History(Keys.ShopHistorySubject, shop.Value.TakeEvents()), linkWrite], ct);
    }
}
