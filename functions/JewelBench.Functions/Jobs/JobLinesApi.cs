using JewelBench.Core.Materials;
using JewelBench.Core.Shops;
using JewelBench.Functions.Processes;

namespace JewelBench.Functions.Jobs;

/// <summary>A job's stages and items (materials, labor, fees).</summary>
public static class JobLinesApi
{
    public static RouteGroupBuilder MapJobLines(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{id}").WithTags("Stages and items");
        group.MapPost("/stages", AddStage);
        group.MapPost("/stages/from-process", AddStagesFromProcess);
        group.MapPatch("/stages/{stageId}", EditStage);
        group.MapDelete("/stages/{stageId}", RemoveStage);
        group.MapPost("/items", AddItem);
        group.MapPatch("/items/{itemId}", EditItem);
        group.MapDelete("/items/{itemId}", RemoveItem);
        group.MapPost("/stages/{stageId}/records", RecordAtStage);
        group.MapDelete("/stages/{stageId}/records/{recordId}", RemoveStageRecord);
        group.MapPost("/materials", AllocateMaterial);
        group.MapPost("/items/{itemId}/return", ReturnMaterial);
        return group;
    }

    private static async Task<IResult> AddStage(string id, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("name");
        var draft = new NewStage(body.Text("name"), body.Text("vendor"), body.Enum<VendorKind>("vendorKind") ?? VendorKind.InHouse,
            body.Decimal("cost") ?? 0, body.Date("dueDate"), body.Text("notes"));
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, null, (job, change) => job.AddStage(draft, change), StatusCodes.Status201Created);
    }

    /// <summary>
    /// Appends copies of a process's stages, due dates counted from the shop's today. The process is read once the
    /// job is found, so an unknown job is 404 whatever the body names.
    /// </summary>
    private static async Task<IResult> AddStagesFromProcess(string id, Caller caller, HttpRequest request, JobCommands jobs,
        IShopTable table, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("processId");
        var processId = body.Text("processId");
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, null, async (job, change) =>
        {
            var process = await ProcessesApi.ForJobAsync(table, caller.ShopId, processId!, ct);
            var shop = await table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct);
            job.AddStagesFrom(process, JobListApi.Today(clock, shop?.Value.TimeZone), change);
            return [];
        }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> EditStage(string id, string stageId, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        var edits = new StageEdits
        {
            Name = body.Maybe("name", body.Text),
            Vendor = body.Maybe("vendor", body.Text),
            VendorKind = body.MaybeValue("vendorKind", body.Enum<VendorKind>),
            Cost = body.MaybeValue("cost", body.Decimal),
            DueDate = body.Maybe("dueDate", body.Date),
            Status = body.MaybeValue("status", body.Enum<StageStatus>),
            Notes = body.Maybe("notes", body.Text),
            Position = body.MaybeValue("position", body.Int),
            MetalIn = body.Maybe("metalIn", body.Decimal),
            MetalOut = body.Maybe("metalOut", body.Decimal),
        };
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, reason, (job, change) => job.EditStage(stageId, edits, change));
    }

    private static async Task<IResult> RemoveStage(string id, string stageId, Caller caller, HttpRequest request, JobCommands jobs) =>
        await jobs.RunAsync(caller, id, request, await ReasonAsync(request), (job, change) => job.RemoveStage(stageId, change));

    private static async Task<IResult> AddItem(string id, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("kind");
        body.Require("description");
        var kind = body.Enum<ItemKind>("kind");
        if (kind != ItemKind.Fee) body.Require("quantity");
        var draft = new NewItem(kind ?? ItemKind.Material, body.Text("description"), body.Decimal("quantity") ?? 1,
            body.Text("unit"), body.Decimal("unitCost") ?? 0);
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, null, (job, change) => job.AddItem(draft, change), StatusCodes.Status201Created);
    }

    private static async Task<IResult> EditItem(string id, string itemId, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        var edits = new ItemEdits
        {
            Description = body.Maybe("description", body.Text),
            Quantity = body.MaybeValue("quantity", body.Decimal),
            Unit = body.Maybe("unit", body.Text),
            UnitCost = body.MaybeValue("unitCost", body.Decimal),
        };
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, reason, (job, change) => job.EditItem(itemId, edits, change));
    }

    private static async Task<IResult> RemoveItem(string id, string itemId, Caller caller, HttpRequest request, JobCommands jobs) =>
        await jobs.RunAsync(caller, id, request, await ReasonAsync(request), (job, change) => job.RemoveItem(itemId, change));

    /// <summary>An input, output or loss at a stage; with a material, the stock it moves is in the same transaction.</summary>
    private static async Task<IResult> RecordAtStage(string id, string stageId, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("flow");
        body.Require("quantity");
        var draft = new NewStageRecord(body.Enum<FlowKind>("flow") ?? FlowKind.Input, body.Text("description"), body.Decimal("quantity") ?? 0,
            body.Text("unit"), body.Text("materialId"), body.Enum<LossKind>("loss"), body.Text("note"), body.Decimal("value"));
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, null, async (job, change) =>
        {
            var material = draft.MaterialId is { } materialId ? await InInventoryAsync(table, caller.ShopId, materialId, request) : null;
            job.RecordAtStage(stageId, draft, material, change);
            return [];
        }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> RemoveStageRecord(string id, string stageId, string recordId, Caller caller, HttpRequest request, JobCommands jobs) =>
        await jobs.RunAsync(caller, id, request, await ReasonAsync(request), (job, change) => job.RemoveStageRecord(stageId, recordId, change));

    /// <summary>Takes stock from inventory onto the job in the job's own transaction; more than is on hand is refused with 409.</summary>
    private static async Task<IResult> AllocateMaterial(string id, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("materialId");
        body.Require("quantity");
        var (materialId, quantity) = (body.Text("materialId"), body.Decimal("quantity"));
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, null, async (job, change) =>
        {
            job.AllocateMaterial(await InInventoryAsync(table, caller.ShopId, materialId!, request), quantity!.Value, change);
            return [];
        }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReturnMaterial(string id, string itemId, Caller caller, HttpRequest request, JobCommands jobs) =>
        await jobs.RunAsync(caller, id, request, await ReasonAsync(request), (job, change) => job.ReturnMaterial(itemId, change));

    private static async Task<Material> InInventoryAsync(IShopTable table, string shop, string materialId, HttpRequest request) =>
        (await table.GetAsync<Material>(shop, Keys.Material(materialId), request.HttpContext.RequestAborted))?.Value
            ?? throw ValidationFailedException.For("materialId", $"{materialId} is not in inventory.");

    /// <summary>A removal takes an optional reason and nothing else.</summary>
    private static async Task<string?> ReasonAsync(HttpRequest request)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return reason;
    }
}
