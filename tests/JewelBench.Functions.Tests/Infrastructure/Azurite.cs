using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JewelBench.Functions.Tests.Infrastructure;

/// <summary>A real Azurite, in memory, on free ports; optionally with its own account name and key.</summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string DevAccount = "devstoreaccount1";
    public const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private Azurite(Process process, string connectionString) => (_process, ConnectionString) = (process, connectionString);

    public string ConnectionString { get; }

    private static readonly Lazy<Task<Azurite>> SharedInstance = new(async () =>
    {
        var azurite = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Stop();
        return azurite;
    });

    /// <summary>The one Azurite that every fixture of the test run shares; stopped when the run ends.</summary>
    public static Task<Azurite> Shared => SharedInstance.Value;

    public static async Task<Azurite> StartAsync(string account = DevAccount, string key = DevKey)
    {
        var root = RepoRoot();
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var info = new ProcessStartInfo(Path.Combine(root, "node_modules", ".bin", "azurite"),
            $"--inMemoryPersistence --silent --blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (account != DevAccount) info.Environment["AZURITE_ACCOUNTS"] = $"{account}:{key}";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync(table, process);
        var connection = $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={key};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{account};QueueEndpoint=http://127.0.0.1:{queue}/{account};TableEndpoint=http://127.0.0.1:{table}/{account};";
        return new Azurite(process, connection);
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "JewelBench.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("Azurite did not open its table port within 30 s.");
    }

    private void Stop()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
