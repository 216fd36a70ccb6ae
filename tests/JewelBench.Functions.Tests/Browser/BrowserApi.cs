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

    /// <summary>
    /// Starts production and completes the job as one stock piece (202: the close-out runs on), waits for the
    /// close-out to succeed; returns the piece's StockID.
    /// </summary>
    public static async Task<string> CompleteJobAsync(this IPage page, string jobId, string title)
    {
        await page.SendAsync("POST", $"/api/jobs/{jobId}/transitions", new { to = "InProduction" });
        var job = await page.SendAsync("POST", $"/api/jobs/{jobId}/complete",
            new { title, category = "Rings", vendor = "In-house", storageLocation = "Safe", quantity = 1 }, 202);
        await page.WaitForOperationAsync(job.GetProperty("operation").GetProperty("id").GetString()!);
        return job.GetProperty("completion").GetProperty("pieces")[0].GetString()!;
    }

    /// <summary>Polls an operation (202 while it runs) until it answers 200, and asserts that it succeeded.</summary>
    public static async Task<JsonElement> WaitForOperationAsync(this IPage page, string operationId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await page.APIRequest.GetAsync($"/api/operations/{operationId}");
            var text = await response.TextAsync();
            Assert.True(response.Status is 200 or 202, $"GET /api/operations/{operationId} answered {response.Status}: {text}");
            var operation = JsonDocument.Parse(text).RootElement.Clone();
            if (response.Status == 200)
            {
                Assert.True(operation.GetProperty("status").GetString() == "Succeeded", $"Operation {operationId} did not succeed: {text}");
                return operation;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Operation {operationId} is still unfinished: {text}");
            await Task.Delay(250);
        }
    }

    /// <summary>How many jobs the list finds for a search.</summary>
    public static async Task<int> CountJobsAsync(this IPage page, string q) =>
        (await page.SendAsync("GET", $"/api/jobs?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();
}
