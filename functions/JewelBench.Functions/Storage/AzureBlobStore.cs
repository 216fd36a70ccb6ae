using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using Microsoft.WindowsAzure.Storage.RetryPolicies;

namespace JewelBench.Functions.Storage;

/// <summary>Azure Blob Storage (or Azurite) behind <see cref="IBlobStore"/>: one private container.</summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly CloudBlobContainer _container;

    public AzureBlobStore(IOptions<StorageOptions> options)
    {
        var client = CloudStorageAccount.Parse(options.Value.ConnectionString).CreateCloudBlobClient();
        client.DefaultRequestOptions = new BlobRequestOptions
        {
            RetryPolicy = new ExponentialRetry(TimeSpan.FromMilliseconds(200), 3),
            MaximumExecutionTime = TimeSpan.FromSeconds(60),
        };
        _container = client.GetContainerReference(options.Value.Container);
    }

    public Task CreateIfNotExistsAsync(CancellationToken ct) =>
        _container.CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, ct);

    public async Task PutAsync(string name, byte[] content, string contentType, CancellationToken ct = default)
    {
        var blob = _container.GetBlockBlobReference(name);
        blob.Properties.ContentType = contentType;
        await blob.UploadFromByteArrayAsync(content, 0, content.Length, null, null, null, ct);
    }

    public async Task<StoredBlob?> GetAsync(string name, CancellationToken ct = default)
    {
        var blob = _container.GetBlockBlobReference(name);
        using var buffer = new MemoryStream();
        try
        {
            await blob.DownloadToStreamAsync(buffer, null, null, null, ct);
        }
        catch (StorageException e) when (e.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        return new StoredBlob(buffer.ToArray(), blob.Properties.ContentType);
    }

    public Task DeleteIfExistsAsync(string name, CancellationToken ct = default) =>
        _container.GetBlockBlobReference(name).DeleteIfExistsAsync(DeleteSnapshotsOption.None, null, null, null, ct);

    public async Task CopyIfAbsentAsync(string source, string target, CancellationToken ct = default)
    {
        var copy = _container.GetBlockBlobReference(target);
        try
        {
            await copy.StartCopyAsync(_container.GetBlockBlobReference(source), null, AccessCondition.GenerateIfNotExistsCondition(), null, null, ct);
        }
        catch (StorageException e) when (e.RequestInformation?.HttpStatusCode is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return;
        }
        // Within one account the copy is usually done at once; wait for it when it is not.
        while (copy.CopyState?.Status == CopyStatus.Pending)
        {
            await Task.Delay(100, ct);
            await copy.FetchAttributesAsync(null, null, null, ct);
        }
        if (copy.CopyState is { Status: not CopyStatus.Success } state)
            throw new InvalidOperationException($"Copying {source} to {target} ended {state.Status}: {state.StatusDescription}");
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct = default)
    {
        var names = new List<string>();
        BlobContinuationToken? token = null;
        do
        {
            var segment = await _container.ListBlobsSegmentedAsync(prefix, true, BlobListingDetails.None, null, token, null, null, ct);
            names.AddRange(segment.Results.OfType<CloudBlockBlob>().Select(b => b.Name));
            token = segment.ContinuationToken;
        } while (token is not null);
        return names;
    }

    public async Task<string?> TryLeaseAsync(string name, TimeSpan duration, CancellationToken ct = default)
    {
        var blob = _container.GetBlockBlobReference(name);
        try
        {
            await blob.UploadFromByteArrayAsync([], 0, 0, AccessCondition.GenerateIfNotExistsCondition(), null, null, ct);
        }
        catch (StorageException e) when (e.RequestInformation?.HttpStatusCode is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // The lock blob exists already (and may be leased).
        }
        try
        {
            return await blob.AcquireLeaseAsync(duration, null, null, null, null, ct);
        }
        catch (StorageException e) when (e.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    public Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken ct = default) =>
        _container.GetBlockBlobReference(name).ReleaseLeaseAsync(AccessCondition.GenerateLeaseCondition(leaseId), null, null, ct);
}
