using JewelBench.Core.History;
using JewelBench.Core.Stock;

namespace JewelBench.Functions.Stock;

public static class StockApi
{
    public static RouteGroupBuilder MapStock(this IEndpointRouteBuilder routes)
    {
        var stock = routes.MapGroup("/stock").WithTags("Stock");
        stock.MapGet("/", StockListApi.ListStock);
        var group = stock.MapGroup("/{stockId}");
        group.MapGet("/", GetStock);
        group.MapPatch("/", EditStock);
        group.MapGet("/history", History);
        group.MapGet("/photos/{photoId}", Photo);
        group.MapPost("/reserve", (string stockId, Caller caller, HttpRequest request, CommandRunner runner) =>
            Act(stockId, caller, request, runner, (item, change) => item.Reserve(change)));
        group.MapPost("/release", (string stockId, Caller caller, HttpRequest request, CommandRunner runner) =>
            Act(stockId, caller, request, runner, (item, change) => item.Release(change)));
        group.MapPost("/sell", (string stockId, Caller caller, HttpRequest request, CommandRunner runner) =>
            Act(stockId, caller, request, runner, (item, change) => item.Sell(change)));
        return stock;
    }

    private static async Task<IResult> GetStock(string stockId, Caller caller, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<StockItem>(caller.ShopId, Keys.Stock(stockId), ct) is { } stored
            ? Answers.Ok(stored.Value, stored.Value)
            : Answers.NotFound($"Stock item {stockId} was not found.");

    /// <summary>A photo copied from the source job at close-out; 404 until the close-out operation has copied it.</summary>
    private static async Task<IResult> Photo(string stockId, string photoId, Caller caller, HttpContext http, IShopTable table, IBlobStore blobs,
        CancellationToken ct)
    {
        var listed = (await table.GetAsync<StockItem>(caller.ShopId, Keys.Stock(stockId), ct))?.Value.Photos.Contains(photoId) == true;
        var image = listed ? await blobs.GetAsync(BlobNames.StockPhoto(caller.ShopId, stockId, photoId), ct) : null;
        return image is null ? Answers.NotFound($"Photo {photoId} of {stockId} was not found.") : Answers.Image(http, image.Content, image.ContentType);
    }

    private static async Task<IResult> History(string stockId, Caller caller, IShopTable table, CancellationToken ct)
    {
        var events = await table.QueryAsync<HistoryEvent>(caller.ShopId, Keys.HistoryPrefix(stockId), ct);
        return events.Count > 0
            ? TypedResults.Ok(events.Select(e => e.Value).ToList())
            : Answers.NotFound($"Stock item {stockId} was not found.");
    }

    /// <summary>Title, category, storage location and retail price; fields left out keep their value.</summary>
    private static async Task<IResult> EditStock(string stockId, Caller caller, HttpRequest request, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(request);
        var edits = new StockEdits
        {
            Title = body.Maybe("title", body.Text),
            Category = body.Maybe("category", body.Text),
            StorageLocation = body.Maybe("storageLocation", body.Text),
            RetailPrice = body.Maybe("retailPrice", body.Decimal),
        };
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await Run(stockId, caller, request, runner, reason, (item, change) => item.Edit(edits, change));
    }

    private static async Task<IResult> Act(string stockId, Caller caller, HttpRequest request, CommandRunner runner,
        Action<StockItem, Change> action)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await Run(stockId, caller, request, runner, reason, action);
    }

    private static Task<IResult> Run(string stockId, Caller caller, HttpRequest request, CommandRunner runner, string? reason,
        Action<StockItem, Change> action) =>
        runner.RunAsync<StockItem>(caller, stockId, Keys.Stock(stockId), request.Headers.IfMatch, reason,
            (item, change) =>
            {
                action(item, change);
                return Task.FromResult(Enumerable.Empty<TableWrite>());
            }, item => item, "Stock item", ct: request.HttpContext.RequestAborted);
}
