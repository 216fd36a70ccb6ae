namespace JewelBench.Core.Jobs;

/// <summary>The piece as it came in: what it is, its metal and stones, and its condition at intake.</summary>
public sealed record Intake(string Item, string? Metal, string? Stones, string? Condition);

public sealed record PieceLocation(Place Place, string? Vendor = null)
{
    public static PieceLocation Bench { get; } = new(Place.Bench);

    public override string ToString() => Place == Place.Vendor ? $"Out at {Vendor}" : Place.ToString();
}

/// <summary>A line of the estimate: from the repair price list (TaskId) or free-form.</summary>
public sealed record QuoteLine(string Id, string? TaskId, string Description, decimal Quantity, decimal UnitPrice)
{
    public decimal Amount => Money.Round(Quantity * UnitPrice);
}

/// <summary>Who approved the estimate, how they told the shop, and who at the shop recorded it.</summary>
public sealed record QuoteApproval(ApprovalChannel How, string ApprovedBy, string? Note, DateTimeOffset At, string RecordedBy);

public sealed class Quote
{
    public List<QuoteLine> Lines { get; set; } = [];
    public QuoteApproval? Approval { get; set; }
    public decimal Total => Lines.Sum(l => l.Amount);
}

public enum PaymentKind { Deposit, Balance }

public sealed record Payment(string Id, PaymentKind Kind, decimal Amount, PaymentMethod Method, DateTimeOffset At, string By);

/// <summary>A quote line as asked for: a price-list task (its name and price filled in by the caller) or free-form.</summary>
public sealed record NewQuoteLine(string? TaskId, string? Description, decimal Quantity, decimal? UnitPrice);

public sealed record RepairCostRoll(string StockId, decimal Amount, DateTimeOffset At, string By);
