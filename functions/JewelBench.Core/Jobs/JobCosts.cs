namespace JewelBench.Core.Jobs;

/// <summary>
/// The job's cost roll-up. A stage's cost counts once the stage is done; open stages show as planned.
/// </summary>
public sealed record JobCosts(decimal Materials, decimal Labor, decimal Fees, decimal Stages,
    decimal StagesPlanned, decimal Total, decimal PerUnit)
{
    public static JobCosts Of(Job job)
    {
        decimal Sum(ItemKind kind) => job.Items.Where(i => i.Kind == kind).Sum(i => i.Cost);
        var materials = Sum(ItemKind.Material);
        var labor = Sum(ItemKind.Labor);
        var fees = Sum(ItemKind.Fee);
        var stages = job.Stages.Where(s => s.Status == StageStatus.Done).Sum(s => s.Cost);
        var planned = job.Stages.Where(s => s.IsOpen).Sum(s => s.Cost);
        var total = materials + labor + fees + stages;
        return new(materials, labor, fees, stages, planned, total, Money.Round(total / Math.Max(1, job.Quantity)));
    }
}
