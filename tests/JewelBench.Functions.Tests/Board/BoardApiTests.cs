using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Board;

[Collection(AppCollection.Name)]
public sealed class BoardApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<JsonObject> BoardAsync() => await (await _client.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK);

    private static JsonArray Cards(JsonObject board, string lane) =>
        board["lanes"]!.AsArray().Single(l => (string)l!["lane"]! == lane)!["cards"]!.AsArray();

    [Fact]
    public async Task TheBoardHasItsFourLanesInOrder()
    {
        var board = await BoardAsync();

        Assert.Equal(["In Shop", "In Progress", "Ready for Pickup", "On Hold"], board["lanes"]!.AsArray().Select(l => (string)l!["title"]!));
    }

    [Fact]
    public async Task InALaneRushComesFirstThenNewest()
    {
        var older = (string)(await app.CreateJobAsync(_client, "Older"))["id"]!;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var rush = (string)(await app.CreateJobAsync(_client, "Rush", new { rush = true }))["id"]!;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = (string)(await app.CreateJobAsync(_client, "Newer"))["id"]!;

        var inShop = Cards(await BoardAsync(), "InShop").Select(c => (string)c!["jobId"]!).ToList();

        var mine = inShop.Where(id => id == older || id == rush || id == newer).ToList();
        Assert.Equal([rush, newer, older], mine);
    }

    [Fact]
    public async Task CardsFollowTheStatusAndShowLocationAndDaysInLane()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Gold hoops", new { customer = "Lee" }))["id"]!;
        var staged = await (await _client.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name = "Casting", vendor = "Acme Casting", vendorKind = "Outside" })).ReadJsonAsync(HttpStatusCode.Created);
        await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" });
        await _client.PatchJsonAsync($"/api/jobs/{id}/stages/{staged["stages"]![0]!["id"]}", new { status = "InProgress" });
        app.Clock.Advance(TimeSpan.FromDays(3));

        var card = Cards(await BoardAsync(), "InProgress").Single(c => (string)c!["jobId"]! == id)!;

        Assert.Equal("Out at Acme Casting", (string)card["location"]!);
        Assert.Equal("Lee", (string)card["customer"]!);
        Assert.Equal("Gold hoops", (string)card["description"]!);
        Assert.Equal(3, (int)card["daysInLane"]!);
        Assert.DoesNotContain(Cards(await BoardAsync(), "InShop"), c => (string)c!["jobId"]! == id);
    }

    [Fact]
    public async Task AJobOnHoldIsShownApart()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Waiting on stones"))["id"]!;

        await _client.PatchJsonAsync($"/api/jobs/{id}", new { onHold = true, reason = "Stone parcel late" });

        var board = await BoardAsync();
        Assert.Contains(Cards(board, "OnHold"), c => (string)c!["jobId"]! == id);
        Assert.DoesNotContain(Cards(board, "InShop"), c => (string)c!["jobId"]! == id);
    }

    [Fact]
    public async Task TheBoardReadsOnlyCardRowsSoClosedJobsAreNeverRead()
    {
        var id = (string)(await app.CreateJobAsync(_client, "Soon canceled"))["id"]!;
        await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "Canceled", reason = "Duplicate" });

        var rows = await app.SnapshotAsync();

        Assert.Contains($"job|{id} ", rows);
        Assert.DoesNotContain($"card|{id} ", rows);
        Assert.DoesNotContain(Cards(await BoardAsync(), "InShop"), c => (string)c!["jobId"]! == id);
    }

    /// <summary>The board polls with If-None-Match: nothing is sent again until something it shows changes, days in lane included.</summary>
    [Fact]
    public async Task ThePolledBoardAnswers304UntilItChanges()
    {
        var first = await _client.GetAsync("/api/board");
        var etag = first.Headers.ETag!.Tag;

        var unchanged = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/board") { Headers = { { "If-None-Match", etag } } });
        var id = (string)(await app.CreateJobAsync(_client, "Polled change"))["id"]!;
        var changed = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/board") { Headers = { { "If-None-Match", etag } } });
        var afterJob = changed.Headers.ETag!.Tag;
        app.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/board") { Headers = { { "If-None-Match", afterJob } } });

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(Cards(await changed.ReadJsonAsync(HttpStatusCode.OK), "InShop"), c => (string)c!["jobId"]! == id);
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
    }
}
