namespace JewelBench.Functions.Storage;

public sealed class StorageOptions
{
    /// <summary>From the AzureWebJobsStorage setting, as in a Functions app.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
    public string Table { get; set; } = "jewelbench";
    public string Container { get; set; } = "jewelbench";

    /// <summary>The work queue; its poison queue is the same name with "-poison". Default: the table's name with "-work".</summary>
    public string? Queue { get; set; }

    public string WorkQueue => Queue ?? $"{Table.ToLowerInvariant()}-work";
    public string PoisonQueue => $"{WorkQueue}-poison";
}
