namespace JewelBench.Functions.Health;

public sealed record HealthDto(string Status, string Storage);

public static class HealthApi
{
    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> (IShopTable table, CancellationToken ct) =>
            await table.IsReachableAsync(ct)
                ? TypedResults.Ok(new HealthDto("Healthy", "reachable"))
                : TypedResults.Json(new HealthDto("Unhealthy", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable))
        .WithTags("Health").AllowAnonymous();
}
