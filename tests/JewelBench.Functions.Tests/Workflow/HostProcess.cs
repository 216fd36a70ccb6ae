using System.Collections.Concurrent;
using System.Diagnostics;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Workflow;

/// <summary>
/// The real host as a process of its own (the built JewelBench.Functions.dll), on a table of the shared
/// Azurite, so that a test can kill it with SIGKILL and start it again, or run two side by side.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process) => _process = process;

    public IReadOnlyCollection<string> Output => _output;

    public static async Task<HostProcess> StartAsync(string connectionString, string table, Dictionary<string, string>? settings = null)
    {
        var port = Azurite.FreePort();
        var info = new ProcessStartInfo("dotnet", $"\"{typeof(Program).Assembly.Location}\"")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["AzureWebJobsStorage"] = connectionString;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["jewelbench__storage__table"] = table;
        info.Environment["jewelbench__workflow__consumers"] = "2";
        info.Environment["jewelbench__workflow__lease"] = "00:00:03";
        info.Environment["jewelbench__workflow__idlePoll"] = "00:00:00.100";
        foreach (var (key, value) in settings ?? []) info.Environment[key] = value;

        var host = new HostProcess(Process.Start(info)!);
        host._process.OutputDataReceived += (_, e) => { if (e.Data is not null) host._output.Enqueue(e.Data); };
        host._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) host._output.Enqueue(e.Data); };
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Until(async () =>
        {
            if (host._process.HasExited) throw new InvalidOperationException("The host exited:\n" + string.Join("\n", host._output));
            try { return (await http.GetAsync("/api/health")).IsSuccessStatusCode; } catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(30), "the host to answer /api/health");
        return host;
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Polls a condition (a real process cannot be moved by a test clock); fails with what it waited for.</summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for {what} after {timeout.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
