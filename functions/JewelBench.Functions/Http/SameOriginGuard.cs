
namespace JewelBench.Functions.Http;

/// <summary>
/// CSRF defence for the API, on top of the SameSite=Strict session cookie: a request that changes
/// anything must come from the app's own pages (Sec-Fetch-Site, else Origin, must say same origin) and
/// must not carry a body of a type an HTML form can send (JSON, or an image for an upload).
/// </summary>
public static class SameOriginGuard
{
    public static IApplicationBuilder UseSameOriginGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }
        if (!IsSameOrigin(request))
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                "Changes can only be made from JewelBench's own pages.");
            return;
        }
        if ((request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0) && IsFormContent(request.ContentType)
            && !(context.GetEndpoint()?.Metadata.GetMetadata<AcceptsMultipartUpload>() is not null && request.HasFormContentType
                 && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)))
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "JSON expected",
                "Send the request body as application/json (or the image itself for an upload).");
            return;
        }
        await next(context);
    });

    /// <summary>The body types a cross-site form can post without asking first; a missing type counts as one.</summary>
    private static bool IsFormContent(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim();
        return mediaType.Length == 0 || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Browsers always send one of the two headers on such requests; other clients (scripts, tests) send neither.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || Uri.TryCreate(origin, UriKind.Absolute, out var uri)
               && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
               && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Marks an upload route that takes multipart/form-data; it is still same-origin only.</summary>
public sealed class AcceptsMultipartUpload;
