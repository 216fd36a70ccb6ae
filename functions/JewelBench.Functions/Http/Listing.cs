namespace JewelBench.Functions.Http;

/// <summary>One page of a sorted list, with how many rows matched in all.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>What the list views share: a search that looks inside several fields, and paging.</summary>
public static class Listing
{
    public const int MaxPageSize = 100;

    /// <summary>True when any of the texts contains the search, ignoring case.</summary>
    public static bool Contains(string q, params string?[] texts) =>
        texts.Any(text => text?.Contains(q, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The asked-for page (the first when none or less than 1); a page past the end is empty but still tells the total.</summary>
    public static ListPage<TOut> ToPage<T, TOut>(this IReadOnlyList<T> sorted, int? page, int pageSize, Func<T, TOut> map)
    {
        var current = Math.Max(1, page ?? 1);
        var items = sorted.Skip((current - 1) * pageSize).Take(pageSize).Select(map).ToList();
        return new ListPage<TOut>(items, current, pageSize, sorted.Count);
    }
}
