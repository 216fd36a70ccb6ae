namespace JewelBench.Functions.Storage;

public sealed class StorageOptions
{
    /// <summary>From the AzureWebJobsStorage setting, as in a Functions app.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
    public string Table { get; set; } = "jewelbench";
    public string Container { get; set; } = "jewelbench";
}
