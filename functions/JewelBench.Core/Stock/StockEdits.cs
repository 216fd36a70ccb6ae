using JewelBench.Core.Jobs;

namespace JewelBench.Core.Stock;

/// <summary>A partial edit of a piece's description and shelf: fields left out keep their value.</summary>
public sealed record StockEdits
{
    public Optional<string?> Title { get; init; }
    public Optional<string?> Category { get; init; }
    public Optional<string?> StorageLocation { get; init; }
    public Optional<decimal?> RetailPrice { get; init; }
}
