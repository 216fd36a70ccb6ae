using System.Net;
using System.Net.Http.Json;
using System.Text;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Security;

/// <summary>The headers and checks that keep a signed-in browser from being used against its own shop.</summary>
[Collection(AppCollection.Name)]
public sealed class BrowserDefenceTests(JewelBenchApp app)
{
    [Fact]
    public async Task PagesCarryAStrictContentSecurityPolicyAndTheUsualHeaders()
    {
        var page = await app.AnonymousClient().GetAsync("/");
        var api = await app.Client().GetAsync("/api/board");

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", api.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task AChangeFromAnotherSiteIsRefusedEvenWithAValidSession(string header, string value)
    {
        var client = app.Client();
        var before = await app.SnapshotAsync();
        var request = JewelBenchApp.Request("POST", "/api/jobs", new System.Text.Json.Nodes.JsonObject { ["description"] = "Cross-site ring" });
        request.Headers.Add(header, value);

        var response = await client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task AChangeFromTheAppsOwnPageIsAccepted()
    {
        var client = app.Client();
        var request = JewelBenchApp.Request("POST", "/api/jobs", new System.Text.Json.Nodes.JsonObject { ["description"] = "Same-origin ring" });
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task ABodyAnHtmlFormCouldSendIsRefused(string contentType)
    {
        var client = app.Client();
        var before = await app.SnapshotAsync();
        var content = new StringContent("{\"description\":\"Form ring\"}", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await client.PostAsync("/api/jobs", content);

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await app.SnapshotAsync());
    }
}
