using JewelBench.Core.Board;
using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;
using JewelBench.Functions.Jobs;
using JewelBench.Functions.Shops;

namespace JewelBench.Functions.Reminders;

/// <summary>A stuck or snoozed job as the Reminders panel lists it.</summary>
public sealed record ReminderDto(string JobId, JobModule Module, string Description, string? Customer, string? Item, bool Rush,
    Lane Lane, JobStatus Status, string Location, int? DaysStuck, int DaysInLane, DateTimeOffset Since, DateOnly? SnoozedUntil);

/// <summary>The shop's thresholds in days, and whether they are the install's defaults.</summary>
public sealed record ReminderSettingsDto(ReminderThresholds Thresholds, bool UsesDefaults, ReminderThresholds Defaults);

/// <summary>The Reminders panel, snoozing a job's reminder, and the shop's thresholds.</summary>
public static class RemindersApi
{
    public static IEndpointRouteBuilder MapReminders(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/reminders", ListReminders).WithTags("Reminders");
        routes.MapPost("/jobs/{id}/snooze", Snooze).WithTags("Reminders");
        var settings = routes.MapGroup("/shop/reminders").WithTags("Reminders");
        settings.MapGet("/", GetSettings);
        settings.MapPut("/", PutSettings).RequireAuthorization(Policies.Owner);
        return routes;
    }

    /// <summary>One range query over the board's cards: stuck jobs first (longest first), then those snoozed.</summary>
    private static async Task<Ok<List<ReminderDto>>> ListReminders(Caller caller, IShopTable table, ReminderTimers timers, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ShopCalendar.Today(await timers.ShopAsync(caller.ShopId, ct), now);
        var cards = (await table.QueryAsync<BoardCard>(caller.ShopId, Keys.CardPrefix, ct)).Select(r => r.Value);
        return TypedResults.Ok(cards.Where(c => c.Stuck is not null || c.SnoozedUntil > today)
            .OrderBy(c => c.Stuck is null).ThenByDescending(c => c.Stuck).ThenBy(c => c.JobId, StringComparer.Ordinal)
            .Select(c => new ReminderDto(c.JobId, c.Module, c.Description, c.Customer, c.Item, c.Rush, c.Lane, c.Status, c.Location,
                c.Stuck, c.DaysInLane(now), c.LaneSince, c.SnoozedUntil > today ? c.SnoozedUntil : null)).ToList());
    }

    /// <summary>Holds the job's reminder until the date (a reason is required); its timer is re-armed for the end of the snooze.</summary>
    private static async Task<IResult> Snooze(string id, Caller caller, HttpRequest request, JobCommands jobs, ReminderTimers timers,
        TimeProvider clock)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("until");
        body.Require("reason");
        var until = body.Date("until");
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        var today = ShopCalendar.Today(await timers.ShopAsync(caller.ShopId, request.HttpContext.RequestAborted), clock.GetUtcNow());
        return await jobs.RunAsync(caller, id, request, reason, (job, change) => job.SnoozeReminder(until!.Value, today, change));
    }

    private static async Task<IResult> GetSettings(Caller caller, IShopTable table, ReminderTimers timers, CancellationToken ct) =>
        await table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct) is { } stored
            ? Answers.Ok(stored.Value, ToDto(stored.Value, timers))
            : Answers.NotFound("The shop was not found.");

    /// <summary>Sets the shop's thresholds in days (each 1–365), or {"useDefaults": true} to follow host.json again; kept in the shop's history.</summary>
    private static async Task<IResult> PutSettings(Caller caller, HttpRequest request, CommandRunner runner, ReminderTimers timers)
    {
        var body = await JsonBody.ReadAsync(request);
        var useDefaults = body.Bool("useDefaults") ?? false;
        var fields = new[] { "inShop", "inProgress", "waitingOnVendor", "readyForPickup", "onHold", "escalation" };
        if (!useDefaults) foreach (var field in fields) body.Require(field);
        var days = fields.Select(f => body.Int(f, 1, ReminderThresholds.MaxDays) ?? 0).ToArray();
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        var thresholds = useDefaults ? null : new ReminderThresholds(days[0], days[1], days[2], days[3], days[4], days[5]);
        return await runner.RunAsync<ShopProfile>(caller, Keys.ShopHistorySubject, Keys.Shop, request.Headers.IfMatch, reason, (shop, change) =>
        {
            shop.SetReminders(thresholds, timers.Defaults, change);
            return Task.FromResult(Enumerable.Empty<TableWrite>());
        }, shop => ToDto(shop, timers), "Shop", ct: request.HttpContext.RequestAborted);
    }

    private static ReminderSettingsDto ToDto(ShopProfile shop, ReminderTimers timers) =>
        new(timers.For(shop), shop.Reminders is null, timers.Defaults);
}
