using JewelBench.Core.Board;
using JewelBench.Core.Customers;
using JewelBench.Core.Shops;
using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Jobs;

public enum JobListSort { Newest, Oldest, Promised, Customer }

/// <summary>The list view's query string, as sent; each value is checked by name in <see cref="JobListApi"/>.</summary>
public sealed record JobListQuery(string? Q, string? Status, string? Module, string? Lane, string? Rush, string? Overdue,
    string? Sort, string? Page);

public static class JobListApi
{
    /// <summary>
    /// The list view: every job, closed ones included, filtered, sorted (newest first by default) and paged.
    /// One range query over the jobs, one point read of the shop (its time zone says what "today" is), and,
    /// only for a search, one range query over the customers so their phone and email are searched too.
    /// </summary>
    public static async Task<Ok<ListPage<JobSummary>>> ListJobs([AsParameters] JobListQuery query, Caller caller, IShopTable table,
        TimeProvider clock, IOptions<JewelBenchOptions> options, CancellationToken ct)
    {
        var filter = JsonBody.FromQuery(new()
        {
            ["status"] = query.Status, ["module"] = query.Module, ["lane"] = query.Lane, ["rush"] = query.Rush,
            ["overdue"] = query.Overdue, ["sort"] = query.Sort, ["page"] = query.Page,
        });
        var (status, module, lane) = (filter.Enum<JobStatus>("status"), filter.Enum<JobModule>("module"), filter.Enum<Lane>("lane"));
        var (rush, overdue, sort, page) = (filter.Bool("rush"), filter.Bool("overdue"), filter.Enum<JobListSort>("sort"), filter.Int("page"));
        filter.ThrowIfInvalid();
        var q = query.Q?.Trim() ?? "";

        var jobsRead = table.QueryAsync<Job>(caller.ShopId, Keys.JobPrefix, ct);
        var shopRead = table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct);
        var customersRead = q.Length > 0 ? table.QueryAsync<Customer>(caller.ShopId, Keys.CustomerPrefix, ct) : null;
        var today = Today(clock, (await shopRead)?.Value.TimeZone);
        var customerMatches = customersRead is null ? [] : (await customersRead).Select(c => c.Value)
            .Where(c => c.MatchesContact(q)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var matches = (await jobsRead).Select(r => r.Value)
            .Where(j => status is null || j.Status == status)
            .Where(j => module is null || j.Module == module)
            .Where(j => lane is null || BoardCard.LaneOf(j) == lane)
            .Where(j => rush is null || j.Rush == rush)
            .Where(j => overdue is null || j.IsOverdue(today) == overdue)
            .Where(j => q.Length == 0 || Matches(j, q) || j.CustomerId is { } id && customerMatches.Contains(id));
        var sorted = Sort(matches, sort ?? JobListSort.Newest).ToList();

        return TypedResults.Ok(sorted.ToPage(page, options.Value.ListPageSize, j => j.ToSummary(today)));
    }

    /// <summary>The shop's calendar day now; a zone the host does not know (it was checked when saved) falls back to UTC.</summary>
    internal static DateOnly Today(TimeProvider clock, string? timeZone)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    private static bool Matches(Job job, string q) =>
        Listing.Contains(q, job.Id, job.Description, job.Intake?.Item, job.Customer, job.Store, job.Completion?.Title)
        || job.Completion?.Pieces.Any(p => p.Equals(q, StringComparison.OrdinalIgnoreCase)) == true;

    // Ties (same date, same customer) fall back to newest first, so every order is stable across pages.
    private static IEnumerable<Job> Sort(IEnumerable<Job> jobs, JobListSort sort) => sort switch
    {
        JobListSort.Oldest => jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal),
        JobListSort.Promised => Newest(jobs.OrderBy(j => j.TargetDate is null).ThenBy(j => j.TargetDate)),
        JobListSort.Customer => Newest(jobs.OrderBy(j => string.IsNullOrWhiteSpace(j.Customer))
            .ThenBy(j => j.Customer?.Trim(), StringComparer.InvariantCultureIgnoreCase)),
        _ => jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal),
    };

    private static IOrderedEnumerable<Job> Newest(IOrderedEnumerable<Job> jobs) =>
        jobs.ThenByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal);
}
