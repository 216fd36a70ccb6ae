namespace JewelBench.Core.Jobs;

/// <summary>Waste is gone; a rejection failed QC and is unusable; scrap is recoverable and goes back to inventory under its own SKU.</summary>
public enum LossKind { Waste, Rejection, Scrap }

public enum FlowKind { Input, Output, Loss }

/// <summary>
/// One figure recorded at a stage: an input consumed, an output produced, or a loss. With a material, it moved stock:
/// an input drawn from on-hand, an output produced into it, scrap recovered into the material's scrap SKU.
/// </summary>
public sealed record StageRecord(string Id, FlowKind Flow, string Description, decimal Quantity, string Unit, string? MaterialId,
    LossKind? Loss, string? Note, decimal Value, DateTimeOffset At, string By);

public sealed record NewStageRecord(FlowKind Flow, string? Description, decimal Quantity, string? Unit, string? MaterialId = null,
    LossKind? Loss = null, string? Note = null, decimal? Value = null);

/// <summary>Inputs, outputs and losses of one unit at a stage, and what none of them explains: input − output − losses.</summary>
public sealed record FlowFigures(string Unit, decimal Input, decimal Output, decimal Waste, decimal Rejection, decimal Scrap, decimal Unexplained);

/// <summary>Metal weighed in and out of a stage: the loss, its share of what went in, and what the recorded gram losses leave unexplained.</summary>
public sealed record MetalFigures(decimal In, decimal Out, decimal Loss, decimal? LossPercent, decimal Recorded, decimal Unexplained);

public sealed record StageSummary(IReadOnlyList<FlowFigures> Flows, MetalFigures? Metal)
{
    public static StageSummary Of(Stage stage)
    {
        decimal Sum(IEnumerable<StageRecord> records) => records.Sum(r => r.Quantity);
        var flows = stage.Records.GroupBy(r => r.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var (input, output) = (Sum(g.Where(r => r.Flow == FlowKind.Input)), Sum(g.Where(r => r.Flow == FlowKind.Output)));
            var (waste, rejection, scrap) = (Sum(g.Where(r => r.Loss == LossKind.Waste)), Sum(g.Where(r => r.Loss == LossKind.Rejection)),
                Sum(g.Where(r => r.Loss == LossKind.Scrap)));
            return new FlowFigures(g.Key, input, output, waste, rejection, scrap, input - output - waste - rejection - scrap);
        }).ToList();
        MetalFigures? metal = null;
        if (stage.MetalIn is { } metalIn)
        {
            var metalOut = stage.MetalOut ?? 0;
            var recorded = Sum(stage.Records.Where(r => r.Flow == FlowKind.Loss && r.Unit == "g"));
            var loss = metalIn - metalOut;
            metal = new MetalFigures(metalIn, metalOut, loss, metalIn == 0 ? null : Math.Round(loss / metalIn * 100, 2), recorded, loss - recorded);
        }
        return new StageSummary(flows, metal);
    }
}
