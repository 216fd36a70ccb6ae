using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.RetryPolicies;
using Microsoft.WindowsAzure.Storage.Table;

namespace JewelBench.Functions.Storage;

/// <summary>
/// Azure Table Storage (or Azurite) behind <see cref="IShopTable"/>. Each row holds its value as JSON,
/// chunked across properties because one string property holds at most 64 KiB.
/// </summary>
public sealed class AzureShopTable : IShopTable
{
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 15;
    private readonly CloudTable _table;
    private readonly JsonSerializerOptions _json;

    public AzureShopTable(IOptions<StorageOptions> options, JsonSerializerOptions json)
    {
        var account = CloudStorageAccount.Parse(options.Value.ConnectionString);
        var client = account.CreateCloudTableClient();
        client.DefaultRequestOptions = new TableRequestOptions
        {
            RetryPolicy = new ExponentialRetry(TimeSpan.FromMilliseconds(200), 3),
            MaximumExecutionTime = TimeSpan.FromSeconds(30),
        };
        _table = client.GetTableReference(options.Value.Table);
        _json = json;
    }

    public Task CreateIfNotExistsAsync(CancellationToken ct) =>
        _table.CreateIfNotExistsAsync(null, null, ct);

    public async Task<Stored<T>?> GetAsync<T>(string shopId, string rowKey, CancellationToken ct = default)
    {
        var result = await _table.ExecuteAsync(TableOperation.Retrieve(shopId, rowKey), null, null, ct);
        return result.Result is DynamicTableEntity entity ? ToStored<T>(entity) : null;
    }

    public async Task<IReadOnlyList<Stored<T>>> QueryAsync<T>(string shopId, string rowKeyPrefix, CancellationToken ct = default)
    {
        var upper = rowKeyPrefix[..^1] + (char)(rowKeyPrefix[^1] + 1);
        var filter = TableQuery.CombineFilters(
            TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, shopId),
            TableOperators.And,
            TableQuery.CombineFilters(
                TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.GreaterThanOrEqual, rowKeyPrefix),
                TableOperators.And,
                TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.LessThan, upper)));
        var query = new TableQuery<DynamicTableEntity>().Where(filter);
        var rows = new List<Stored<T>>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await _table.ExecuteQuerySegmentedAsync(query, token, null, null, ct);
            rows.AddRange(segment.Results.Select(ToStored<T>));
            token = segment.ContinuationToken;
        } while (token is not null);
        return rows;
    }

    public async Task<IReadOnlyList<string>> CommitAsync(string shopId, IReadOnlyList<TableWrite> writes, CancellationToken ct = default)
    {
        if (writes.Count is 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(writes), writes.Count, "A transaction holds 1 to 100 writes.");
        var batch = new TableBatchOperation();
        foreach (var write in writes)
            batch.Add(write switch
            {
                TableWrite.Insert w => TableOperation.Insert(ToEntity(shopId, w.RowKey, w.Value, null)),
                TableWrite.Replace w => TableOperation.Replace(ToEntity(shopId, w.RowKey, w.Value, w.ETag)),
                TableWrite.Upsert w => TableOperation.InsertOrReplace(ToEntity(shopId, w.RowKey, w.Value, null)),
                TableWrite.Delete w => TableOperation.Delete(new DynamicTableEntity(shopId, w.RowKey) { ETag = w.ETag }),
                _ => throw new ArgumentException($"Unknown write {write}"),
            });
        try
        {
            var results = await _table.ExecuteBatchAsync(batch, null, null, ct);
            return results.Select(r => r.Etag ?? "").ToList();
        }
        catch (StorageException e) when (e.RequestInformation?.HttpStatusCode is
            (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
        {
            throw new ConcurrencyException("A row changed since it was read; nothing was written.", e);
        }
    }

    public async Task<bool> IsReachableAsync(CancellationToken ct = default)
    {
        var options = new TableRequestOptions { RetryPolicy = new NoRetry(), MaximumExecutionTime = TimeSpan.FromSeconds(3) };
        try
        {
            return await _table.ExistsAsync(options, null, ct);
        }
        catch (StorageException)
        {
            return false;
        }
    }

    private DynamicTableEntity ToEntity(string shopId, string rowKey, object value, string? etag)
    {
        var json = JsonSerializer.Serialize(value, value.GetType(), _json);
        var chunks = json.Chunk(ChunkChars).Select(c => new string(c)).ToList();
        if (chunks.Count > MaxChunks)
            throw new InvalidOperationException($"Row {rowKey} is {json.Length} characters: too large for one entity.");
        var entity = new DynamicTableEntity(shopId, rowKey) { ETag = etag };
        entity.Properties["Kind"] = EntityProperty.GeneratePropertyForString(value.GetType().Name);
        for (var i = 0; i < chunks.Count; i++)
            entity.Properties[$"Data{i}"] = EntityProperty.GeneratePropertyForString(chunks[i]);
        return entity;
    }

    private Stored<T> ToStored<T>(DynamicTableEntity entity)
    {
        var json = string.Concat(Enumerable.Range(0, MaxChunks)
            .Select(i => entity.Properties.TryGetValue($"Data{i}", out var p) ? p.StringValue : null)
            .TakeWhile(s => s is not null));
        return new Stored<T>(entity.RowKey, JsonSerializer.Deserialize<T>(json, _json)!, entity.ETag);
    }
}
