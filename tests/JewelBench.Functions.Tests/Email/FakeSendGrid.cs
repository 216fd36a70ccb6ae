using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JewelBench.Functions.Tests.Email;

/// <summary>
/// SendGrid's /v3/mail/send on loopback: records each request and answers from a script (202 when it runs out).
/// <see cref="BeforeAnswer"/> lets a test act while a request is in flight, e.g. kill the host that sent it.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    public sealed record Received(string Method, string Path, string? Authorization, JsonObject Body);
    public sealed record Answer(int Status, string? Body = null, string? RetryAfter = null);

    private readonly WebApplication _app;

    public ConcurrentQueue<Received> Requests { get; } = new();
    public ConcurrentQueue<Answer> Script { get; } = new();
    public Func<Received, Task>? BeforeAnswer { get; set; }
    public string BaseUrl { get; private set; } = "";

    private FakeSendGrid()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Map("/{**path}", HandleAsync);
    }

    public static async Task<FakeSendGrid> StartAsync()
    {
        var fake = new FakeSendGrid();
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public int CountFor(string mailId) => Requests.Count(r => (string?)r.Body["custom_args"]?["jewelbench_mail_id"] == mailId);

    private async Task HandleAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var received = new Received(http.Request.Method, http.Request.Path, http.Request.Headers.Authorization, body);
        Requests.Enqueue(received);
        if (BeforeAnswer is { } hook) await hook(received);
        var answer = Script.TryDequeue(out var next) ? next : new Answer(202);
        http.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null) http.Response.Headers.RetryAfter = answer.RetryAfter;
        if (answer.Body is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var quickly = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(quickly.Token);
        await _app.DisposeAsync();
    }
}
