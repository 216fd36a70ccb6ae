using Microsoft.AspNetCore.Http.Features;

namespace JewelBench.Functions.Http;

/// <summary>Images uploaded as multipart form data (job photos, style images).</summary>
public static class ImageUpload
{
    /// <summary>Every file of the upload, each checked for size, emptiness and type before anything is stored.</summary>
    public static async Task<List<(byte[] Bytes, string ContentType)>> ReadAsync(HttpRequest request, string field, int maxFiles, int maxBytes)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedContentException($"Send the images as multipart/form-data in the field \"{field}\".");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = (long)maxBytes * maxFiles + 64 * 1024 },
                request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestTooLargeException(maxBytes);
        }
        catch (InvalidDataException)
        {
            throw ValidationFailedException.For(field, "could not be read as a multipart form.");
        }
        var files = form.Files.GetFiles(field);
        if (files.Count == 0) throw ValidationFailedException.For(field, "must hold at least one image file.");
        if (files.Count > maxFiles) throw ValidationFailedException.For(field, $"takes at most {maxFiles} files at a time.");
        var images = new List<(byte[], string)>();
        foreach (var file in files)
        {
            if (file.Length == 0) throw ValidationFailedException.For(field, "holds an empty file.");
            if (file.Length > maxBytes) throw new RequestTooLargeException(maxBytes);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            var bytes = buffer.ToArray();
            images.Add((bytes, Images.Sniff(bytes) ?? throw new UnsupportedContentException("Each image must be a JPEG, PNG, WebP or HEIC image.")));
        }
        return images;
    }

    /// <summary>
    /// Stores the images, then runs the command that lists them on their row; when the command is refused or throws, the
    /// images just stored are deleted again, so no blob is left that nothing lists.
    /// </summary>
    public static async Task<IResult> StoreThenListAsync(IBlobStore blobs, IReadOnlyList<(string Name, byte[] Bytes, string ContentType)> images,
        Func<Task<IResult>> list, CancellationToken ct)
    {
        foreach (var (name, bytes, contentType) in images) await blobs.PutAsync(name, bytes, contentType, ct);
        IResult result;
        try
        {
            result = await list();
        }
        catch
        {
            await DeleteAsync(blobs, images);
            throw;
        }
        if (!Answers.Succeeded(result)) await DeleteAsync(blobs, images);
        return result;
    }

    private static async Task DeleteAsync(IBlobStore blobs, IReadOnlyList<(string Name, byte[] Bytes, string ContentType)> images)
    {
        foreach (var (name, _, _) in images) await blobs.DeleteIfExistsAsync(name, CancellationToken.None);
    }
}
