using System.Text.Json;
using Microsoft.Playwright;

namespace JewelBench.Functions.Tests.Browser;

/// <summary>Seeds data over the API with a page's signed-in session (its context's cookies).</summary>
public static class BrowserApi
{
    public static async Task<JsonElement> SendAsync(this IPage page, string method, string path, object? body = null,
        int expected = 200)
    {
        var options = new APIRequestContextOptions { Method = method };
        if (body is not null) options.DataObject = body;
        var response = await page.APIRequest.FetchAsync(path, options);
        var text = await response.TextAsync();
        Assert.True(response.Status == expected, $"{method} {path} answered {response.Status}, not {expected}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> CreateJobAsync(this IPage page, object body) =>
        (await page.SendAsync("POST", "/api/jobs", body, 201)).GetProperty("id").GetString()!;

    /// <summary>Starts production and completes the job as one stock piece; returns the piece's StockID.</summary>
    public static async Task<string> CompleteJobAsync(this IPage page, string jobId, string title)
    {
        await page.SendAsync("POST", $"/api/jobs/{jobId}/transitions", new { to = "InProduction" });
        var job = await page.SendAsync("POST", $"/api/jobs/{jobId}/complete",
            new { title, category = "Rings", vendor = "In-house", storageLocation = "Safe", quantity = 1 });
        return job.GetProperty("completion").GetProperty("pieces")[0].GetString()!;
    }

    /// <summary>How many jobs the list finds for a search.</summary>
    public static async Task<int> CountJobsAsync(this IPage page, string q) =>
        (await page.SendAsync("GET", $"/api/jobs?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();
}
