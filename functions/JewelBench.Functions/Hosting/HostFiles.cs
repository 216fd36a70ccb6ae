using System.Text.Json;

namespace JewelBench.Functions.Hosting;

/// <summary>
/// Finds the app's root (the folder with host.json: the repository, or the publish folder) and loads
/// host.json and a Functions-style local.settings.json into configuration.
/// </summary>
public static class HostFiles
{
    public static string Root { get; } = FindRoot();

    public static string WebRoot => Path.Combine(Root, "web");

    /// <summary>host.json first, then local.settings.json Values, then the environment: later ones win.</summary>
    public static void AddHostSettings(this ConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "host.json", Optional = false, ReloadOnChange = false,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Root),
        });
        var local = Path.Combine(Root, "local.settings.json");
        if (File.Exists(local))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(local));
            if (doc.RootElement.TryGetProperty("Values", out var values))
                configuration.Sources.Insert(1, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
                {
                    InitialData = values.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, (string?)p.Value.ToString())),
                });
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "host.json")) && Directory.Exists(Path.Combine(dir.FullName, "web")))
                return dir.FullName;
        throw new InvalidOperationException($"No host.json with a web folder above {AppContext.BaseDirectory}.");
    }
}
