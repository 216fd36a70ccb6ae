namespace JewelBench.Core.Jobs;

/// <summary>What close-out recorded, so reopen can undo exactly that.</summary>
public sealed record Completion(string Title, string Category, string Vendor, string StorageLocation, int Quantity,
    bool SeparateItems, decimal? RetailPrice, decimal CostBasis, IReadOnlyList<string> Pieces,
    DateTimeOffset CompletedAt, string CompletedBy);
