namespace JewelBench.Functions.Hosting;

/// <summary>
/// The browser-side defences on every answer: a Content-Security-Policy that runs only the app's own
/// scripts (no inline script or style), no MIME sniffing, no framing, no referrer, and no caching of API data
/// unless the endpoint says otherwise (photos, which never change under their id).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An answer that set its own, stricter-sandboxed policy keeps it (the outbox's email preview, framed by the app).
            if (headers.ContentSecurityPolicy.Count == 0 || context.Response.StatusCode >= 400) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (headers.XFrameOptions.Count == 0 || context.Response.StatusCode >= 400) headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            if (context.Request.Path.StartsWithSegments("/api") && headers.CacheControl.Count == 0) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
