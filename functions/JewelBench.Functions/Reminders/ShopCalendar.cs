using JewelBench.Core.Shops;

namespace JewelBench.Functions.Reminders;

/// <summary>The shop's own calendar: a snooze "until a date" ends at the start of that day where the shop is.</summary>
public static class ShopCalendar
{
    public static TimeZoneInfo Zone(ShopProfile? shop) =>
        shop is not null && TimeZoneInfo.TryFindSystemTimeZoneById(shop.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(ShopProfile? shop, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(shop)).DateTime);

    public static DateTimeOffset StartOf(ShopProfile? shop, DateOnly day)
    {
        var zone = Zone(shop);
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // A day that starts inside a daylight-saving gap starts an hour later.
        while (zone.IsInvalidTime(midnight)) midnight = midnight.AddMinutes(30);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
