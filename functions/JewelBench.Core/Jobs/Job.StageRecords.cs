using System.Globalization;
using JewelBench.Core.Materials;

namespace JewelBench.Core.Jobs;

public sealed partial class Job
{
    public const int MaxRecordsPerStage = 40;

    /// <summary>
    /// Records an input, output or loss at a stage. With a material it moves stock in the same transaction: an input is
    /// drawn from on-hand (and costs the job), an output is produced into it, scrap goes to the material's scrap SKU at
    /// its recoverable value (credited to the job's cost).
    /// </summary>
    public StageRecord RecordAtStage(string stageId, NewStageRecord draft, Material? material, Change change)
    {
        EnsureOpen("changed");
        var stage = FindStage(stageId);
        if (stage.Records.Count >= MaxRecordsPerStage)
            throw new RuleConflictException($"A stage keeps at most {MaxRecordsPerStage} records.");
        var checks = new Checks();
        var description = checks.Text("description", draft.Description ?? (material is null ? null : $"{material.Sku} {material.Name}"), 120, required: true);
        var quantity = checks.Amount("quantity", draft.Quantity, positive: true);
        var unit = checks.Text("unit", draft.Unit ?? material?.Unit, 10, required: true);
        if (unit is not null && !MaterialUnits.Contains(unit)) checks.Fail("unit", $"must be one of {string.Join(", ", MaterialUnits)}.");
        if (material is not null && unit is not null && unit != material.Unit) checks.Fail("unit", $"must be {material.Unit}, the unit {material.Sku} is kept in.");
        var note = checks.Text("note", draft.Note, 500, required: false);
        var value = draft.Value is { } v ? checks.Money("value", v) : 0;
        if (draft.Flow == FlowKind.Loss && draft.Loss is null) checks.Fail("loss", "is required for a loss: Waste, Rejection or Scrap.");
        if (draft.Flow != FlowKind.Loss && draft.Loss is not null) checks.Fail("loss", "belongs to a loss only.");
        if (draft.Loss == LossKind.Scrap && material is null) checks.Fail("materialId", "is required for scrap: the material the scrap is recovered from.");
        if (draft.Loss is LossKind.Waste or LossKind.Rejection && material is not null)
            checks.Fail("materialId", "is only for scrap: waste and rejections do not go back to stock.");
        if (material?.ScrapOf is not null) checks.Fail("materialId", "is a scrap SKU: record against the material itself.");
        checks.ThrowIfAny();

        if (draft.Flow == FlowKind.Input && material is not null) value = Money.Round(quantity * material.UnitCost);
        var record = new StageRecord(NextLineId("r"), draft.Flow, description!, quantity, unit!, material?.Id, draft.Loss, note, value, change.At, change.By);
        stage.Records.Add(record);
        if (InventoryMove(record, undo: false) is { } move) _materialMoves.Add(move);
        Record(change, "StageRecorded", $"Stage {stage.Name}: {Describe(record)}", $"stage {stage.Name} {Label(record)}", null, Describe(record));
        return record;
    }

    /// <summary>Takes a record back, and with it the stock it moved (refused if that stock is no longer on hand).</summary>
    public void RemoveStageRecord(string stageId, string recordId, Change change)
    {
        EnsureOpen("changed");
        var stage = FindStage(stageId);
        var record = stage.Records.FirstOrDefault(r => r.Id == recordId) ?? throw new NotFoundException($"Record {recordId} is not on stage {stageId}.");
        stage.Records.Remove(record);
        if (InventoryMove(record, undo: true) is { } move) _materialMoves.Add(move);
        Record(change, "StageRecordRemoved", $"Stage {stage.Name}: removed {Describe(record)}", $"stage {stage.Name} {Label(record)}", Describe(record), null);
    }

    private MaterialMove? InventoryMove(StageRecord record, bool undo)
    {
        if (record.MaterialId is not { } materialId) return null;
        var unitCost = record.Value > 0 ? Math.Round(record.Value / record.Quantity, 4, MidpointRounding.AwayFromZero) : (decimal?)null;
        return (record.Flow, record.Loss, undo) switch
        {
            (FlowKind.Input, _, false) => new MaterialMove(materialId, LedgerMove.Use, record.Quantity, Id, record.Id),
            (FlowKind.Input, _, true) => new MaterialMove(materialId, LedgerMove.Return, record.Quantity, Id, record.Id),
            (FlowKind.Output, _, false) => new MaterialMove(materialId, LedgerMove.Produce, record.Quantity, Id, record.Id, UnitCost: unitCost),
            (FlowKind.Loss, LossKind.Scrap, false) => new MaterialMove(Material.ScrapId(materialId), LedgerMove.Scrap, record.Quantity, Id, record.Id,
                record.Note, unitCost),
            (FlowKind.Loss, LossKind.Scrap, true) => new MaterialMove(Material.ScrapId(materialId), LedgerMove.Reverse, record.Quantity, Id, record.Id),
            (_, _, true) => new MaterialMove(materialId, LedgerMove.Reverse, record.Quantity, Id, record.Id),
            _ => null,
        };
    }

    private static string Label(StageRecord record) => record.Loss?.ToString().ToLowerInvariant() ?? record.Flow.ToString().ToLowerInvariant();

    private static string Describe(StageRecord record) => string.Create(CultureInfo.InvariantCulture,
        $"{Label(record)} {record.Quantity:0.###} {record.Unit} {record.Description}{(record.Value > 0 ? $" ({record.Value:0.00})" : "")}");
}
