namespace JewelBench.Core.Jobs;

/// <summary>A material (quantity or weight), labor (hours × rate) or a one-off fee on a job.</summary>
public sealed class JobItem
{
    public required string Id { get; init; }
    public ItemKind Kind { get; set; }
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; }
    public string Unit { get; set; } = "";
    public decimal UnitCost { get; set; }

    public decimal Cost => Money.Round(Quantity * UnitCost);
}
