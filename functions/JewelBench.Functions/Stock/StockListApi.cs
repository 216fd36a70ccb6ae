using JewelBench.Core.Stock;
using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Stock;

public enum StockListSort { Newest, Title, Cost, CostHighest }

/// <summary>The inventory list's query string, as sent; each value is checked by name in <see cref="StockListApi"/>.</summary>
public sealed record StockListQuery(string? Q, string? Status, string? Category, string? Sort, string? Page, string? PageSize);

public sealed record StockSummary(string StockId, string Sku, string Title, string Category, string StorageLocation,
    StockStatus Status, int Quantity, decimal CostBasis, decimal UnitCost, decimal? RetailPrice, string? JobId,
    string? Photo, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A page of pieces, and every category the shop's stock uses (for the category filter).</summary>
public sealed record StockPage(IReadOnlyList<StockSummary> Items, int Page, int PageSize, int Total, IReadOnlyList<string> Categories);

public static class StockListApi
{
    /// <summary>Finished inventory, sold pieces included: searched, filtered, sorted (newest first) and paged, from one range query.</summary>
    public static async Task<Ok<StockPage>> ListStock([AsParameters] StockListQuery query, Caller caller, IShopTable table,
        IOptions<JewelBenchOptions> options, CancellationToken ct)
    {
        var filter = JsonBody.FromQuery(new()
        {
            ["status"] = query.Status, ["sort"] = query.Sort, ["page"] = query.Page, ["pageSize"] = query.PageSize,
        });
        var (status, sort, page, pageSize) = (filter.Enum<StockStatus>("status"), filter.Enum<StockListSort>("sort"),
            filter.Int("page"), filter.Int("pageSize", 1, Listing.MaxPageSize));
        filter.ThrowIfInvalid();
        var q = query.Q?.Trim() ?? "";
        var category = query.Category?.Trim() ?? "";

        var pieces = (await table.QueryAsync<StockItem>(caller.ShopId, Keys.StockPrefix, ct)).Select(r => r.Value).ToList();
        var matches = pieces
            .Where(s => status is null || s.Status == status)
            .Where(s => category.Length == 0 || s.Category.Equals(category, StringComparison.OrdinalIgnoreCase))
            .Where(s => q.Length == 0 || Listing.Contains(q, s.StockId, s.Sku, s.Title, s.Category, s.StorageLocation, s.JobId));
        var sorted = Sort(matches, sort ?? StockListSort.Newest).ToList();

        var found = sorted.ToPage(page, pageSize ?? options.Value.ListPageSize, ToSummary);
        var categories = pieces.Select(s => s.Category.Trim()).Where(c => c.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.InvariantCultureIgnoreCase).ToList();
        return TypedResults.Ok(new StockPage(found.Items, found.Page, found.PageSize, found.Total, categories));
    }

    private static StockSummary ToSummary(StockItem s) => new(s.StockId, s.Sku, s.Title, s.Category, s.StorageLocation,
        s.Status, s.Quantity, s.CostBasis, s.UnitCost, s.RetailPrice, s.JobId, s.Photos.FirstOrDefault(), s.CreatedAt, s.UpdatedAt);

    // Ties fall back to newest first (pieces of one close-out share their time, so then the higher StockID), so every order is stable across pages.
    private static IEnumerable<StockItem> Sort(IEnumerable<StockItem> pieces, StockListSort sort) => sort switch
    {
        StockListSort.Title => Newest(pieces.OrderBy(s => s.Title.Trim(), StringComparer.InvariantCultureIgnoreCase)),
        StockListSort.Cost => Newest(pieces.OrderBy(s => s.CostBasis)),
        StockListSort.CostHighest => Newest(pieces.OrderByDescending(s => s.CostBasis)),
        _ => pieces.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.StockId, StringComparer.Ordinal),
    };

    private static IOrderedEnumerable<StockItem> Newest(IOrderedEnumerable<StockItem> pieces) =>
        pieces.ThenByDescending(s => s.CreatedAt).ThenByDescending(s => s.StockId, StringComparer.Ordinal);
}
