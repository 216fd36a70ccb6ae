using JewelBench.Core.Materials;
using JewelBench.Functions.Materials;

namespace JewelBench.Functions.Jobs;

/// <summary>What goes into a stage, comes out of it and is lost there, with the stock each record moves.</summary>
public static class StageRecordsApi
{
    public static RouteGroupBuilder MapStageRecords(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{id}/stages/{stageId}/records").WithTags("Stages and items");
        group.MapPost("/", Record);
        group.MapDelete("/{recordId}", Remove);
        return group;
    }

    /// <summary>
    /// An input, output or loss; with a material, the stock it moves is in the same transaction. An output may name a
    /// <c>newMaterial</c> instead: the inventory item is created with it, holding what the stage produced.
    /// </summary>
    private static async Task<IResult> Record(string id, string stageId, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("flow");
        body.Require("quantity");
        var draft = new NewStageRecord(body.Enum<FlowKind>("flow") ?? FlowKind.Input, body.Text("description"), body.Decimal("quantity") ?? 0,
            body.Text("unit"), body.Text("materialId"), body.Enum<LossKind>("loss"), body.Text("note"), body.Decimal("value"));
        var inline = body.Object("newMaterial");
        var newMaterial = inline is null ? null : new NewOutput(inline.Enum<MaterialKind>("kind") ?? MaterialKind.Other, inline.Text("sku"), inline.Text("metal"));
        body.ThrowIfInvalid();
        if (newMaterial is not null && (draft.Flow != FlowKind.Output || draft.MaterialId is not null))
            throw ValidationFailedException.For("newMaterial", "is for an output that goes into a new inventory item: give it or a materialId, not both.");
        if (newMaterial is not null && draft.Description is null) throw ValidationFailedException.For("description", "is required: it names the new inventory item.");
        if (newMaterial is { Kind: MaterialKind.Metal, Metal: null }) throw ValidationFailedException.For("newMaterial.metal", "is required for a metal.");
        var ct = request.HttpContext.RequestAborted;
        return await jobs.RunAsync(caller, id, request, null, async (job, change) =>
        {
            if (newMaterial is not { } created)
            {
                var material = draft.MaterialId is { } materialId ? await JobLinesApi.InInventoryAsync(table, caller.ShopId, materialId, request) : null;
                job.RecordAtStage(stageId, draft, material, change);
                return [];
            }
            var (last, advance) = await Counters.ReadAsync(table, caller.ShopId, "material", ct);
            var unitCost = draft.Value is > 0 && draft.Quantity > 0 ? Math.Round(draft.Value.Value / draft.Quantity, 4) : 0;
            var output = Material.Create($"M-{last + 1:D4}", new MaterialDraft(draft.Description, created.Sku, created.Kind, draft.Unit, unitCost, 0,
                null, new StoneAttributes(null, null, null, null), new MetalAttributes(created.Metal, null)), change);
            job.RecordAtStage(stageId, draft with { MaterialId = output.Id }, output, change);
            foreach (var move in job.TakeMaterialMoves()) output.Apply(move, change);
            return [advance(1), .. MaterialWrites.Of(output, etag: null)];
        }, StatusCodes.Status201Created);
    }

    private sealed record NewOutput(MaterialKind Kind, string? Sku, string? Metal);

    private static async Task<IResult> Remove(string id, string stageId, string recordId, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, reason, (job, change) => job.RemoveStageRecord(stageId, recordId, change));
    }
}
