namespace JewelBench.Functions.Storage;

public sealed record StoredBlob(byte[] Content, string ContentType);

/// <summary>
/// Photos and other files in Blob Storage. Names are always built by the server (see <see cref="BlobNames"/>),
/// never taken from a request.
/// </summary>
public interface IBlobStore
{
    Task PutAsync(string name, byte[] content, string contentType, CancellationToken ct = default);
    Task<StoredBlob?> GetAsync(string name, CancellationToken ct = default);
    Task DeleteIfExistsAsync(string name, CancellationToken ct = default);

    /// <summary>A server-side copy that leaves an existing target alone, so running it twice copies once.</summary>
    Task CopyIfAbsentAsync(string source, string target, CancellationToken ct = default);

    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct = default);

    /// <summary>
    /// Takes the lease of a (lock) blob for <paramref name="duration"/> (15–60 s), creating the blob if need be: the id of
    /// the lease, or null while another holder has it. What only one instance should do at a time runs under it.
    /// </summary>
    Task<string?> TryLeaseAsync(string name, TimeSpan duration, CancellationToken ct = default);

    Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken ct = default);
}

public static class BlobNames
{
    /// <summary>A new name for each upload, so a replaced logo is never half-written under the name in use.</summary>
    public static string ShopLogo(string shopId) => $"{shopId}/logo-{Guid.NewGuid():N}";

    /// <summary>A new name for each signature, so a replaced one is never half-written under the name in use.</summary>
    public static string JobSignature(string shopId, string jobId) => $"{shopId}/jobs/{jobId}/signature-{Guid.NewGuid():N}";

    public static string JobPhoto(string shopId, string jobId, string photoId) => $"{shopId}/jobs/{jobId}/{photoId}";

    /// <summary>A style's image; kept when the image leaves the style, as jobs started from it copy it at close-out.</summary>
    public static string StyleImage(string shopId, string styleId, string imageId) => $"{shopId}/styles/{styleId}/{imageId}";

    /// <summary>The lock blob of work that one instance of the install does at a time.</summary>
    public static string Lock(string name) => $"_locks/{name}";

    public static string StockPhoto(string shopId, string stockId, string photoId) => $"{shopId}/stock/{stockId}/{photoId}";
}
