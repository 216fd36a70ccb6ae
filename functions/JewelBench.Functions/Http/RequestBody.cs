namespace JewelBench.Functions.Http;

public static class RequestBody
{
    /// <summary>The whole body, refused with 413 as soon as it passes the limit, before any of it is used.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit) throw new RequestTooLargeException(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw new RequestTooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>A request body over the size limit: answered 413.</summary>
public sealed class RequestTooLargeException(int limit) : Exception($"The request body is larger than {limit / 1024} KB.");

/// <summary>An upload that is not one of the accepted kinds of file: answered 415.</summary>
public sealed class UnsupportedContentException(string detail) : Exception(detail);
