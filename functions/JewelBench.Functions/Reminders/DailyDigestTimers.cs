using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Reminders;

/// <summary>
/// The shop's daily digest runs on one durable timer per (shop, day): an operation whose id is made from both, due at the
/// digest hour of that day in the shop's time zone. Arming inserts it only when absent, so arming twice (a restart, a
/// second instance, a re-run step) neither adds a timer nor revives one that has already run.
/// </summary>
public sealed class DailyDigestTimers(IShopTable table, Operations operations, IOptions<ReminderOptions> options, TimeProvider clock,
    ILogger<DailyDigestTimers> logger)
{
    private const int MaxShopPart = 40 - 17; // "op-digest-" + "-yyyyMMdd" around it

    public int Hour => Math.Clamp(options.Value.DigestHour, 0, 23);

    public bool Enabled => options.Value.Digest;

    public static string OperationId(string shopId, DateOnly day) => $"op-digest-{ShopPart(shopId)}-{day:yyyyMMdd}";

    /// <summary>The operation that sends the day's digest: its conditional insert is what makes the digest once a day.</summary>
    public static string EmailOperationId(string shopId, DateOnly day) => $"op-dmail-{ShopPart(shopId)}-{day:yyyyMMdd}";

    /// <summary>A shop id too long or odd for an operation id is replaced by a hash of it: still one id per shop.</summary>
    private static string ShopPart(string shopId) =>
        shopId.Length <= MaxShopPart && shopId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? shopId : Keys.Hash(shopId)[..16];

    /// <summary>The digest hour of the day where the shop is; an hour skipped by a daylight-saving change is taken a little later.</summary>
    public DateTimeOffset DueAt(ShopProfile? shop, DateOnly day)
    {
        var zone = ShopCalendar.Zone(shop);
        var local = day.ToDateTime(new TimeOnly(Hour, 0));
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The first digest still to come: today's when its hour has not passed, else tomorrow's.</summary>
    public DateOnly NextDay(ShopProfile? shop, DateTimeOffset now)
    {
        var today = ShopCalendar.Today(shop, now);
        return DueAt(shop, today) > now ? today : today.AddDays(1);
    }

    public Operation Timer(string shopId, ShopProfile? shop, DateOnly day, string createdBy)
    {
        var now = clock.GetUtcNow();
        return new Operation
        {
            Id = OperationId(shopId, day), Kind = DailyDigest.Kind, DueAt = DueAt(shop, day),
            Steps = [new OperationStep { Name = "digest", Args = new JsonObject { ["day"] = day.ToString("yyyy-MM-dd") } }],
            CreatedBy = createdBy, CreatedAt = now, UpdatedAt = now,
        };
    }

    /// <summary>Arms the shop's next digest unless it is armed already; its message is sent only by the instance that wrote it.</summary>
    public async Task ArmAsync(string shopId, CancellationToken ct = default)
    {
        var shop = (await table.GetAsync<ShopProfile>(shopId, Keys.Shop, ct))?.Value;
        if (shop is null) return;
        await ArmAsync(shopId, shop, NextDay(shop, clock.GetUtcNow()), ct);
    }

    /// <summary>For a shop just opened: a failure here must not undo the opening; the next start arms the digest.</summary>
    public async Task ArmNewShopAsync(string shopId, ShopProfile shop, CancellationToken ct)
    {
        try
        {
            await ArmAsync(shopId, shop, NextDay(shop, clock.GetUtcNow()), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not arm the daily digest of new shop {Shop}; it is armed at the next start", shopId);
        }
    }

    public async Task ArmAsync(string shopId, ShopProfile? shop, DateOnly day, CancellationToken ct = default)
    {
        if (!Enabled) return;
        var timer = Timer(shopId, shop, day, DailyDigest.By);
        try
        {
            await table.CommitAsync(shopId, [Operations.RecordWrite(timer)], ct);
        }
        catch (ConcurrencyException)
        {
            return;
        }
        await operations.EnqueueAsync(shopId, timer, ct);
    }

    /// <summary>Every shop of the install, through the <c>shopidx|</c> rows: how digests start for shops that had none.</summary>
    public async Task<int> ArmAllAsync(CancellationToken ct = default)
    {
        var shops = await table.QueryAsync<Shops.ShopIndexEntry>(Keys.Install, Keys.ShopIndexPrefix, ct);
        foreach (var shop in shops) await ArmAsync(shop.Value.ShopId, ct);
        return shops.Count;
    }
}
