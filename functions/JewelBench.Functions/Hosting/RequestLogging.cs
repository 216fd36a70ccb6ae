using System.Diagnostics;

namespace JewelBench.Functions.Hosting;

/// <summary>One structured log line per request, with its status and duration.</summary>
public static class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("JewelBench.Requests");
            logger.LogInformation("HTTP {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method, Redacted(context.Request.Path), context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    });

    /// <summary>A status-page or opt-out path carries the customer's token: the log keeps only that it was one.</summary>
    private static string Redacted(PathString path) =>
        path.StartsWithSegments("/api/status", StringComparison.OrdinalIgnoreCase) ? "/api/status/(token)"
        : path.StartsWithSegments("/api/reminders/opt-out", StringComparison.OrdinalIgnoreCase) ? "/api/reminders/opt-out/(token)"
        : path.ToString();
}
