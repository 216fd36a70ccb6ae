using System.Security.Cryptography;
using System.Text.Json;
using JewelBench.Functions.Auth;
using JewelBench.Core.Board;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Board;

public sealed record CardDto(string JobId, JobModule Module, string Description, string? Customer, bool Rush,
    string Location, Lane Lane, JobStatus Status, DateTimeOffset CreatedAt, int DaysInLane, string? PhotoId,
    OperationsApi.OperationDto? Operation, string? Item, string? HoldReason, DateOnly? DueDate, int? Stuck, DateOnly? Unclaimed = null);

public sealed record LaneDto(Lane Lane, string Title, IReadOnlyList<CardDto> Cards);

public sealed record BoardDto(IReadOnlyList<LaneDto> Lanes);

public static class BoardApi
{
    private static readonly (Lane Lane, string Title)[] Lanes =
        [(Lane.InShop, "In Shop"), (Lane.InProgress, "In Progress"), (Lane.ReadyForPickup, "Ready for Pickup"), (Lane.OnHold, "On Hold")];

    public static RouteHandlerBuilder MapBoard(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/board", GetBoard).WithTags("Board").RequireAuthorization(Policies.Monitor);

    /// <summary>
    /// One range query over the card rows (closed jobs are never read), and, when a card names an operation,
    /// one over the operations (purged after their retention) to show what is still running. The ETag is a hash
    /// of the answer itself, so a board polling with If-None-Match gets 304 until anything it shows changes.
    /// </summary>
    private static async Task<IResult> GetBoard(Caller caller, HttpRequest request, IShopTable table, TimeProvider clock,
        JsonSerializerOptions json, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(await BuildAsync(caller, table, clock, ct), json);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
        request.HttpContext.Response.Headers.ETag = etag;
        return request.Headers.IfNoneMatch == etag ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Bytes(body, "application/json");
    }

    private static async Task<BoardDto> BuildAsync(Caller caller, IShopTable table, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cards = (await table.QueryAsync<BoardCard>(caller.ShopId, Keys.CardPrefix, ct)).Select(r => r.Value).ToList();
        var running = cards.Any(c => c.OperationId is not null)
            ? (await table.QueryAsync<Operation>(caller.ShopId, Keys.OperationPrefix, ct)).Select(o => o.Value)
                .Where(o => !o.IsFinished).ToDictionary(o => o.Id, OperationsApi.ToDto)
            : [];
        var lanes = Lanes.Select(l => new LaneDto(l.Lane, l.Title, BoardCard.Order(cards.Where(c => c.Lane == l.Lane))
            .Select(c => new CardDto(c.JobId, c.Module, c.Description, c.Customer, c.Rush, c.Location, c.Lane, c.Status,
                c.CreatedAt, c.DaysInLane(now), c.PhotoId, c.OperationId is { } op ? running.GetValueOrDefault(op) : null,
                c.Item, c.HoldReason, c.DueDate, c.Stuck, c.Unclaimed)).ToList())).ToList();
        return new BoardDto(lanes);
    }
}
