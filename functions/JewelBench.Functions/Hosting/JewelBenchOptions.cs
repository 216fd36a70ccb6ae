namespace JewelBench.Functions.Hosting;

/// <summary>Host-wide settings, from the "jewelbench" section of host.json.</summary>
public sealed class JewelBenchOptions
{
    /// <summary>The shop every request works in until shops and sign-in arrive.</summary>
    public string DefaultShop { get; set; } = "demo";
    public string Currency { get; set; } = "USD";
    public int ListPageSize { get; set; } = 25;
    public bool SeedDemoShop { get; set; }
}
