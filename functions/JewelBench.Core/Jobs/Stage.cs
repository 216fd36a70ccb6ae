namespace JewelBench.Core.Jobs;

/// <summary>One step of a job at the bench or at an outside vendor.</summary>
public sealed class Stage
{
    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public string? Vendor { get; set; }
    public VendorKind VendorKind { get; set; }
    public decimal Cost { get; set; }
    public DateOnly? DueDate { get; set; }
    public StageStatus Status { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Grams of metal weighed going into and coming out of the stage (casting, polishing…).</summary>
    public decimal? MetalIn { get; set; }
    public decimal? MetalOut { get; set; }
    public List<StageRecord> Records { get; set; } = [];

    public bool IsOpen => Status is StageStatus.Pending or StageStatus.InProgress;
}
