namespace JewelBench.Functions.Storage;

/// <summary>A per-shop sequence (job numbers, StockIDs), advanced in the same transaction that uses it.</summary>
public static class Counters
{
    public sealed record Counter(int Last);

    /// <summary>The last number used, and how to write the counter once <paramref name="used"/> more are taken.</summary>
    public static async Task<(int Last, Func<int, TableWrite> Advance)> ReadAsync(
        IShopTable table, string shopId, string name, CancellationToken ct)
    {
        var key = Keys.Counter(name);
        var stored = await table.GetAsync<Counter>(shopId, key, ct);
        var last = stored?.Value.Last ?? 0;
        return (last, used => stored is null
            ? new TableWrite.Insert(key, new Counter(last + used))
            : new TableWrite.Replace(key, new Counter(last + used), stored.ETag));
    }
}
