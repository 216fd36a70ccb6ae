namespace JewelBench.Functions.Storage;

/// <summary>A row of a shop's partition, with the ETag it was read at.</summary>
public sealed record Stored<T>(string RowKey, T Value, string ETag);

/// <summary>One write of a transaction. Replace and Delete are conditional on the ETag they carry.</summary>
public abstract record TableWrite(string RowKey)
{
    public sealed record Insert(string RowKey, object Value) : TableWrite(RowKey);
    public sealed record Replace(string RowKey, object Value, string ETag) : TableWrite(RowKey);
    public sealed record Upsert(string RowKey, object Value) : TableWrite(RowKey);
    public sealed record Delete(string RowKey, string ETag) : TableWrite(RowKey);
}

/// <summary>A write lost a race: the row changed (or appeared) since it was read. Nothing was written.</summary>
public sealed class ConcurrencyException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The one table of the app, partitioned by shop. The only storage surface the rest of the code sees,
/// so that the storage SDK can be swapped without touching the domain or the HTTP layer.
/// </summary>
public interface IShopTable
{
    Task<Stored<T>?> GetAsync<T>(string shopId, string rowKey, CancellationToken ct = default);

    /// <summary>Every row whose key starts with the prefix, in key order: one partition range query.</summary>
    Task<IReadOnlyList<Stored<T>>> QueryAsync<T>(string shopId, string rowKeyPrefix, CancellationToken ct = default);

    /// <summary>All writes in one entity-group transaction: all or nothing. Returns each written row's new ETag ("" for a delete).</summary>
    Task<IReadOnlyList<string>> CommitAsync(string shopId, IReadOnlyList<TableWrite> writes, CancellationToken ct = default);

    Task<bool> IsReachableAsync(CancellationToken ct = default);
}
