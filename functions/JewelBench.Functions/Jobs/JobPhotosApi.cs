using JewelBench.Functions.Auth;
using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Jobs;

/// <summary>
/// A job's photos in Blob Storage under `{shop}/jobs/{jobId}/{photoId}`: names the server makes, types read
/// from the bytes. The images are written first and the job row then lists them in one conditional write;
/// if that write fails, the images just written are deleted again.
/// </summary>
public static class JobPhotosApi
{
    private const int MaxFilesPerUpload = 10;

    public static RouteGroupBuilder MapJobPhotos(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{id}/photos").WithTags("Photos");
        group.MapPost("/", Upload).WithMetadata(new AcceptsMultipartUpload());
        group.MapGet("/{photoId}", View).RequireAuthorization(Policies.Monitor);
        group.MapDelete("/{photoId}", Remove);
        return group;
    }

    private static async Task<IResult> Upload(string id, Caller caller, HttpRequest request, IShopTable table, IBlobStore blobs,
        JobCommands jobs, TimeProvider clock, IOptions<JewelBenchOptions> options)
    {
        var ct = request.HttpContext.RequestAborted;
        if (await table.GetAsync<Job>(caller.ShopId, Keys.Job(id), ct) is null) return Answers.NotFound($"Job {id} was not found.");
        var files = await ImageUpload.ReadAsync(request, "photos", MaxFilesPerUpload, options.Value.MaxPhotoBytes);
        var now = clock.GetUtcNow();
        var photos = files.Select(f => (Photo: new JobPhoto(Ids.New("ph"), f.ContentType, f.Bytes.Length, caller.User, now), f.Bytes)).ToList();
        return await ImageUpload.StoreThenListAsync(blobs,
            photos.Select(p => (BlobNames.JobPhoto(caller.ShopId, id, p.Photo.Id), p.Bytes, p.Photo.ContentType)).ToList(),
            () => jobs.RunAsync(caller, id, request, null, (job, change) => job.AddPhotos(photos.Select(p => p.Photo).ToList(), change),
                StatusCodes.Status201Created), ct);
    }

    /// <summary>Served through the API with the caller's session; a photo never changes under its id, so it may be cached.</summary>
    private static async Task<IResult> View(string id, string photoId, Caller caller, HttpContext http, IShopTable table, IBlobStore blobs,
        CancellationToken ct)
    {
        var photo = (await table.GetAsync<Job>(caller.ShopId, Keys.Job(id), ct))?.Value.Photos.Find(p => p.Id == photoId);
        var image = photo is null ? null : await blobs.GetAsync(BlobNames.JobPhoto(caller.ShopId, id, photo.Id), ct);
        return image is null ? Answers.NotFound($"Photo {photoId} was not found.") : Answers.Image(http, image.Content, photo!.ContentType);
    }

    private static async Task<IResult> Remove(string id, string photoId, Caller caller, HttpRequest request, IBlobStore blobs, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        var result = await jobs.RunAsync(caller, id, request, reason, (job, change) => job.RemovePhoto(photoId, change));
        if (Answers.Succeeded(result)) await DeleteAsync(blobs, caller.ShopId, id, [photoId]);
        return result;
    }

    private static async Task DeleteAsync(IBlobStore blobs, string shop, string jobId, IEnumerable<string> photoIds)
    {
        foreach (var photoId in photoIds) await blobs.DeleteIfExistsAsync(BlobNames.JobPhoto(shop, jobId, photoId), CancellationToken.None);
    }
}
