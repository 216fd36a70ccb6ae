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

    /// <summary>Set when the material came from inventory: the stock it was allocated from, and where that allocation stands.</summary>
    public string? MaterialId { get; set; }
    public Allocation? Allocation { get; set; }

    public decimal Cost => Money.Round(Quantity * UnitCost);
}

/// <summary>
/// An inventory allocation follows its job: Allocated while the job is planned, Held while production works it, Consumed
/// at close-out (or when a repair is ready). Cancel releases what is not consumed back to stock (the line stays, Released);
/// reopen leaves consumption as it is.
/// </summary>
public enum Allocation { Allocated, Held, Consumed, Released }
