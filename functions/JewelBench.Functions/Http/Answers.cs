using JewelBench.Core.History;

namespace JewelBench.Functions.Http;

public static class Answers
{
    public static IResult Ok(Recorded value, object dto, int status = StatusCodes.Status200OK) =>
        new WithHeader("ETag", ETags.For(value), status == StatusCodes.Status200OK ? TypedResults.Ok(dto) : TypedResults.Json(dto, statusCode: status));

    public static IResult Created(Recorded value, object dto, string location) =>
        new WithHeader("ETag", ETags.For(value), TypedResults.Created(location, dto));

    public static bool Succeeded(IResult result) => result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };

    /// <summary>An image under an id that never changes: the browser may keep it for a year.</summary>
    public static IResult Image(HttpContext http, byte[] content, string contentType)
    {
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.File(content, contentType);
    }

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>412: the caller's copy is out of date; the answer carries the current state to redo the change on.</summary>
    public static IResult Stale(Recorded current, object dto) =>
        new WithHeader("ETag", ETags.For(current), TypedResults.Problem(
            "It was changed by someone else since you loaded it. The current state is attached; redo your change on it.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed since you loaded it",
            extensions: new Dictionary<string, object?> { ["current"] = dto }));

    public static IResult WithLocation(IResult inner, string location) => new WithHeader("Location", location, inner);

    private sealed class WithHeader(string name, string value, IResult inner) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
