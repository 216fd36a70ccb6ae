using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Stock;

public enum StockStatus { Available, Reserved, Sold }

/// <summary>A piece of finished inventory (StockID), created by a job's close-out.</summary>
public sealed class StockItem : Recorded
{
    public required string StockId { get; init; }
    public required string Sku { get; init; }
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string StorageLocation { get; set; } = "";
    public int Quantity { get; set; }
    public decimal CostBasis { get; set; }
    public decimal UnitCost { get; set; }
    public decimal? RetailPrice { get; set; }
    public StockStatus Status { get; set; }
    public string? JobId { get; set; }

    /// <summary>The source job's photos at close-out; a durable operation copies the images to the piece.</summary>
    public List<string> Photos { get; set; } = [];

    public static string FormatId(int number) => $"S-{number:D5}";

    public static StockItem FromJob(string stockId, string? sku, string title, string category, string vendor,
        string location, int quantity, decimal costBasis, decimal? retailPrice, string jobId, Change change)
    {
        var item = new StockItem
        {
            StockId = stockId, Sku = sku ?? stockId, Title = title, Category = category, Vendor = vendor,
            StorageLocation = location, Quantity = quantity, CostBasis = costBasis,
            UnitCost = Math.Round(costBasis / quantity, 4, MidpointRounding.AwayFromZero),
            RetailPrice = retailPrice, Status = StockStatus.Available, JobId = jobId,
        };
        item.Created(change);
        item.Record(change, "Created", $"Created by job {jobId} at cost basis {costBasis:0.00}");
        return item;
    }

    /// <summary>
    /// Corrects what the piece is called, where it is kept and what it sells for; each changed field is its own
    /// history event. A sold piece can still be corrected, but the change needs a reason and says it came after the sale.
    /// </summary>
    public void Edit(StockEdits edits, Change change)
    {
        var checks = new Checks();
        var title = edits.Title.HasValue ? checks.Text("title", edits.Title.Value, 120, required: true) : Title;
        var category = edits.Category.HasValue ? checks.Text("category", edits.Category.Value, 60, required: true) : Category;
        var location = edits.StorageLocation.HasValue ? checks.Text("storageLocation", edits.StorageLocation.Value, 60, required: false) ?? "" : StorageLocation;
        var price = !edits.RetailPrice.HasValue ? RetailPrice
            : edits.RetailPrice.Value is { } given ? checks.Money("retailPrice", given) : null;
        if (Status == StockStatus.Sold && change.Reason is null) checks.Fail("reason", "is required: say why a sold piece is changed.");
        checks.ThrowIfAny();

        Set(change, "title", "Title", Title, title!, v => Title = v);
        Set(change, "category", "Category", Category, category!, v => Category = v);
        Set(change, "storageLocation", "Storage location", StorageLocation, location, v => StorageLocation = v);
        Set(change, "retailPrice", "Retail price", RetailPrice, price, v => RetailPrice = v);
    }

    private void Set<T>(Change change, string field, string label, T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value)) return;
        assign(value);
        var summary = Status == StockStatus.Sold ? $"{label} changed after the sale" : $"{label} changed";
        Record(change, "Edited", summary, field, Show(current), Show(value));
    }

    private static string? Show<T>(T value) => value switch
    {
        null => null,
        "" => null,
        decimal m => m.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>An in-house repair's cost joins the piece's cost basis.</summary>
    public void AddRepairCost(decimal amount, string jobId, Change change)
    {
        if (Status == StockStatus.Sold) throw new RuleConflictException($"{StockId} is Sold: a repair's cost cannot be added to it.");
        SetCostBasis(CostBasis + amount, change, "RepairCost", $"Repair job {jobId} added {amount:0.00} to the cost basis");
    }

    public void RemoveRepairCost(decimal amount, string jobId, Change change) =>
        SetCostBasis(CostBasis - amount, change, "RepairCostRemoved", $"Repair job {jobId} reopened: {amount:0.00} taken off the cost basis");

    private void SetCostBasis(decimal costBasis, Change change, string action, string summary)
    {
        var before = CostBasis;
        CostBasis = costBasis;
        UnitCost = Math.Round(costBasis / Math.Max(1, Quantity), 4, MidpointRounding.AwayFromZero);
        Record(change, action, summary, "costBasis", before.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            costBasis.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Reserve(Change change) => Move(StockStatus.Available, StockStatus.Reserved, "Reserved", change);

    /// <summary>Back to Available: a reservation ends, or a sale is returned.</summary>
    public void Release(Change change)
    {
        if (Status == StockStatus.Available) throw new RuleConflictException($"{StockId} is already available.", Allowed());
        Move(Status, StockStatus.Available, "Released", change);
    }

    public void Sell(Change change)
    {
        if (Status == StockStatus.Sold) throw new RuleConflictException($"{StockId} is already sold.", []);
        Move(Status, StockStatus.Sold, "Sold", change);
    }

    private void Move(StockStatus from, StockStatus to, string action, Change change)
    {
        if (Status != from)
            throw new RuleConflictException($"{StockId} is {Status}: it cannot be {action.ToLowerInvariant()}.", Allowed());
        Status = to;
        Record(change, action, $"{action} {StockId}", "status", from.ToString(), to.ToString());
    }

    private IReadOnlyList<string> Allowed() => Status switch
    {
        StockStatus.Available => ["reserve", "sell"],
        StockStatus.Reserved => ["release", "sell"],
        _ => ["release"],
    };
}
