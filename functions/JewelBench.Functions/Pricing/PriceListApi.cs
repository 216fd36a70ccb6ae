using JewelBench.Core.History;
using JewelBench.Core.Pricing;
using JewelBench.Functions.Auth;

namespace JewelBench.Functions.Pricing;

/// <summary>The repair price list: staff quote from it, the owner keeps it.</summary>
public static class PriceListApi
{
    public static RouteGroupBuilder MapPriceList(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/price-list").WithTags("Price list");
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireAuthorization(Policies.Owner);
        group.MapPatch("/{taskId}", Edit).RequireAuthorization(Policies.Owner);
        return group;
    }

    public sealed record RepairTaskDto(string Id, string Name, decimal Price, bool Active, int Version);

    private static RepairTaskDto ToDto(RepairTask t) => new(t.Id, t.Name, t.Price, t.Active, t.Version);

    private static async Task<Ok<List<RepairTaskDto>>> List(Caller caller, IShopTable table, CancellationToken ct) =>
        TypedResults.Ok((await table.QueryAsync<RepairTask>(caller.ShopId, Keys.RepairTaskPrefix, ct))
            .Select(t => ToDto(t.Value)).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList());

    private static async Task<IResult> Create(Caller caller, HttpRequest request, IShopTable table, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        var (name, price) = (body.Text("name"), body.Decimal("price"));
        body.ThrowIfInvalid();
        var task = RepairTask.Create(Ids.New("t"), name, price, new Change(caller.User, clock.GetUtcNow()));
        await table.CommitAsync(caller.ShopId, RecordedWrites.Insert(Keys.RepairTask(task.Id), task.Id, task).ToList(), ct);
        return Answers.Created(task, ToDto(task), $"/api/price-list/{task.Id}");
    }

    private static async Task<IResult> Edit(string taskId, Caller caller, HttpRequest request, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(request);
        var (name, price, active) = (body.Text("name"), body.Decimal("price"), body.Bool("active"));
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await runner.RunAsync<RepairTask>(caller, taskId, Keys.RepairTask(taskId), request.Headers.IfMatch, reason, (task, change) =>
        {
            task.Edit(name, price, active, change);
            return Task.FromResult(Enumerable.Empty<TableWrite>());
        }, ToDto, "Price-list task", ct: request.HttpContext.RequestAborted);
    }
}
