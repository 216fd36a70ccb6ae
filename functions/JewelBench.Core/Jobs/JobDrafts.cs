namespace JewelBench.Core.Jobs;

/// <summary>A new job; a repair or custom job also names its customer (id and name, looked up by the caller) and the piece.</summary>
public sealed record NewJob(string? Description, JobModule Module = JobModule.Production, DateOnly? TargetDate = null,
    bool Rush = false, string? Store = null, string? Customer = null, int Quantity = 1, string? CustomerId = null, NewIntake? Intake = null,
    string? RepairOf = null);

public sealed record NewIntake(string? Item, string? Metal, string? Stones, string? Condition);

public sealed record JobEdits
{
    public Optional<string?> Description { get; init; }
    public Optional<DateOnly?> TargetDate { get; init; }
    public Optional<bool> Rush { get; init; }
    public Optional<string?> Store { get; init; }
    public Optional<string?> Customer { get; init; }
    public Optional<int> Quantity { get; init; }
    public Optional<bool> OnHold { get; init; }
    public Optional<NewIntake> Intake { get; init; }
}

public sealed record NewStage(string? Name, string? Vendor = null, VendorKind VendorKind = VendorKind.InHouse,
    decimal Cost = 0, DateOnly? DueDate = null, string? Notes = null);

public sealed record StageEdits
{
    public Optional<string?> Name { get; init; }
    public Optional<string?> Vendor { get; init; }
    public Optional<VendorKind> VendorKind { get; init; }
    public Optional<decimal> Cost { get; init; }
    public Optional<DateOnly?> DueDate { get; init; }
    public Optional<StageStatus> Status { get; init; }
    public Optional<string?> Notes { get; init; }
    public Optional<int> Position { get; init; }
    public Optional<decimal?> MetalIn { get; init; }
    public Optional<decimal?> MetalOut { get; init; }
}

public sealed record NewItem(ItemKind Kind, string? Description, decimal Quantity, string? Unit, decimal UnitCost);

public sealed record ItemEdits
{
    public Optional<string?> Description { get; init; }
    public Optional<decimal> Quantity { get; init; }
    public Optional<string?> Unit { get; init; }
    public Optional<decimal> UnitCost { get; init; }
}

/// <summary>The close-out form: what the finished inventory is called, where it goes and how it is split.</summary>
public sealed record CompletionForm(string? Title, string? Category, string? Vendor, string? StorageLocation,
    int? Quantity, bool SeparateItems, decimal? RetailPrice);
