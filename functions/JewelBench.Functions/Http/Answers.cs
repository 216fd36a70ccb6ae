using JewelBench.Core.History;

namespace JewelBench.Functions.Http;

public static class Answers
{
    public static IResult Ok(Recorded value, object dto, int status = StatusCodes.Status200OK) =>
        new WithETag(ETags.For(value), status == StatusCodes.Status201Created
            ? TypedResults.Json(dto, statusCode: status)
            : TypedResults.Ok(dto));

    public static IResult Created(Recorded value, object dto, string location) =>
        new WithETag(ETags.For(value), TypedResults.Created(location, dto));

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>412: the caller's copy is out of date; the answer carries the current state to redo the change on.</summary>
    public static IResult Stale(Recorded current, object dto) =>
        new WithETag(ETags.For(current), TypedResults.Problem(
            "It was changed by someone else since you loaded it. The current state is attached; redo your change on it.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed since you loaded it",
            extensions: new Dictionary<string, object?> { ["current"] = dto }));

    private sealed class WithETag(string etag, IResult inner) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = etag;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
