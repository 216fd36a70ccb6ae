namespace JewelBench.Core.Jobs;

/// <summary>
/// The job's cost roll-up. A stage's cost counts once the stage is done; open stages show as planned. Inputs drawn from
/// inventory at a stage are materials; scrap recovered into inventory is credited at its recoverable value.
/// </summary>
public sealed record JobCosts(decimal Materials, decimal Labor, decimal Fees, decimal Stages,
    decimal StagesPlanned, decimal ScrapCredit, decimal Total, decimal PerUnit)
{
    public static JobCosts Of(Job job)
    {
        decimal Sum(ItemKind kind) => job.Items.Where(i => i.Kind == kind).Sum(i => i.Cost);
        var records = job.Stages.SelectMany(s => s.Records).Where(r => r.MaterialId is not null).ToList();
        var materials = Sum(ItemKind.Material) + records.Where(r => r.Flow == FlowKind.Input).Sum(r => r.Value);
        var scrapCredit = records.Where(r => r.Loss == LossKind.Scrap).Sum(r => r.Value);
        var labor = Sum(ItemKind.Labor);
        var fees = Sum(ItemKind.Fee);
        var stages = job.Stages.Where(s => s.Status == StageStatus.Done).Sum(s => s.Cost);
        var planned = job.Stages.Where(s => s.IsOpen).Sum(s => s.Cost);
        var total = materials + labor + fees + stages - scrapCredit;
        return new(materials, labor, fees, stages, planned, scrapCredit, total, Money.Round(total / Math.Max(1, job.Quantity)));
    }
}
