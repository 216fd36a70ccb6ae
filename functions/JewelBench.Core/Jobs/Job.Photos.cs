namespace JewelBench.Core.Jobs;

/// <summary>A photo of the job; the image itself is in blob storage under a name made from the ids.</summary>
public sealed record JobPhoto(string Id, string ContentType, int Bytes, string AddedBy, DateTimeOffset AddedAt);

public sealed partial class Job
{
    public const int MaxPhotos = 50;

    public List<JobPhoto> Photos { get; set; } = [];

    /// <summary>The durable operation of the last close-out or reopen, whose progress the job page shows.</summary>
    public string? OperationId { get; set; }

    /// <summary>Photos change while the job is open: close-out copies them to the pieces, so a closed job's stay as they were.</summary>
    public void AddPhotos(IReadOnlyList<JobPhoto> photos, Change change)
    {
        EnsurePhotosOpen();
        if (Photos.Count + photos.Count > MaxPhotos)
            throw new RuleConflictException($"A job keeps at most {MaxPhotos} photos; this one has {Photos.Count}.");
        foreach (var photo in photos)
        {
            Photos.Add(photo);
            Record(change, "PhotoAdded", $"Photo added ({photo.ContentType}, {photo.Bytes / 1024.0:0.#} KB)", "photos", null, photo.Id);
        }
    }

    public void RemovePhoto(string photoId, Change change)
    {
        EnsurePhotosOpen();
        var photo = Photos.Find(p => p.Id == photoId) ?? throw new NotFoundException($"Photo {photoId} is not on job {Id}.");
        Photos.Remove(photo);
        Record(change, "PhotoRemoved", "Photo removed", "photos", photo.Id, null);
    }

    private void EnsurePhotosOpen()
    {
        if (IsClosed)
            throw new RuleConflictException($"The photos of a {Status.ToString().ToLowerInvariant()} job cannot change; reopen it first.");
    }
}
