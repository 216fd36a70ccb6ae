using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Tests.Shops;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Jobs;

[Collection(AppCollection.Name)]
public sealed class JobPhotosApiTests(JewelBenchApp app)
{
    private const string Shop = "photo-shop";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0xFF, 0xD9];
    private readonly HttpClient _owner = app.Client("owner", Role.Owner, Shop);
    private IBlobStore Blobs => app.Services.GetRequiredService<IBlobStore>();

    private static MultipartFormDataContent Files(params (byte[] Bytes, string Name, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(part, "photos", name);
        }
        return form;
    }

    private async Task<(string Id, JsonObject Job)> JobWithPhotosAsync()
    {
        var id = (string)(await app.CreateJobAsync(_owner, "Pearl drop earrings"))["id"]!;
        var job = await (await _owner.PostAsync($"/api/jobs/{id}/photos",
            Files((ShopLogoTests.Png, "../../etc/passwd.png", "image/png"), (Jpeg, "side.jpg", "text/plain")))).ReadJsonAsync(HttpStatusCode.Created);
        return (id, job);
    }

    /// <summary>Handles every queued message, as the background workers would.</summary>
    private async Task DrainAsync()
    {
        var executor = app.Services.GetRequiredService<OperationExecutor>();
        await executor.DrainAsync();
    }

    [Fact]
    public async Task PhotosAreStoredUnderServerMadeNamesTypedByTheirBytesAndServedCacheable()
    {
        var (id, job) = await JobWithPhotosAsync();

        var photos = job["photos"]!.AsArray();
        Assert.Equal(["image/png", "image/jpeg"], photos.Select(p => (string)p!["contentType"]!));
        var stored = await Blobs.ListAsync($"{Shop}/jobs/{id}/");
        Assert.Equal(photos.Select(p => $"{Shop}/jobs/{id}/{p!["id"]}").Order(), stored.Order());
        var served = await _owner.GetAsync($"/api/jobs/{id}/photos/{photos[0]!["id"]}");
        Assert.Equal(ShopLogoTests.Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", served.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        var board = await (await _owner.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK);
        var card = board["lanes"]!.AsArray().SelectMany(l => l!["cards"]!.AsArray()).Single(c => (string)c!["jobId"]! == id);
        Assert.Equal((string)photos[0]!["id"]!, (string)card!["photoId"]!);
    }

    [Fact]
    public async Task BadPhotosAreRefusedWithProblemDetailsAndNothingIsStored()
    {
        var id = (string)(await app.CreateJobAsync(_owner, "Refused photos"))["id"]!;
        var before = await app.SnapshotAsync(Shop);

        await (await _owner.PostAsync($"/api/jobs/{id}/photos", Files(("<script>alert(1)</script>"u8.ToArray(), "x.png", "image/png"))))
            .ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await _owner.PostAsync($"/api/jobs/{id}/photos", Files(([], "empty.jpg", "image/jpeg")))).ReadProblemAsync(HttpStatusCode.BadRequest, "photos");
        await (await _owner.PostAsync($"/api/jobs/{id}/photos", Files(([.. Jpeg, .. new byte[1_100_000]], "huge.jpg", "image/jpeg"))))
            .ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await _owner.PostAsync($"/api/jobs/{id}/photos", new MultipartFormDataContent())).ReadProblemAsync(HttpStatusCode.BadRequest, "photos");
        await (await _owner.PostAsJsonAsync($"/api/jobs/{id}/photos", new { photos = "x" })).ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(before, await app.SnapshotAsync(Shop));
        Assert.Empty(await Blobs.ListAsync($"{Shop}/jobs/{id}/"));
    }

    [Fact]
    public async Task RemovingAPhotoDeletesItsImageAndKeepsTheChangeInHistory()
    {
        var (id, job) = await JobWithPhotosAsync();
        var photoId = (string)job["photos"]![0]!["id"]!;

        var removed = await (await _owner.SendJsonAsync(HttpMethod.Delete, $"/api/jobs/{id}/photos/{photoId}", new { reason = "Blurry" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Single(removed["photos"]!.AsArray());
        await (await _owner.GetAsync($"/api/jobs/{id}/photos/{photoId}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await Blobs.ListAsync($"{Shop}/jobs/{id}/"));
        var history = await (await _owner.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();
        Assert.Equal(("PhotoRemoved", "Blurry"), ((string)history[^1]!["action"]!, (string)history[^1]!["reason"]!));
    }

    [Fact]
    public async Task CloseOutCopiesEveryPhotoToEveryNewStockIdAndReopenRemovesOnlyThoseCopies()
    {
        var (id, job) = await JobWithPhotosAsync();
        var photoIds = job["photos"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        (await _owner.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();

        var completing = await _owner.PostAsJsonAsync($"/api/jobs/{id}/complete", new { category = "Earrings", quantity = 3, separateItems = true });
        var completed = await completing.ReadJsonAsync(HttpStatusCode.Accepted);
        var operation = completing.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Accepted, (await _owner.GetAsync(operation)).StatusCode);
        await DrainAsync();

        var finished = await (await _owner.GetAsync(operation)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Succeeded", 3, 3), ((string)finished["status"]!, (int)finished["done"]!, (int)finished["total"]!));
        var pieces = completed["completion"]!["pieces"]!.AsArray().Select(p => (string)p!).ToList();
        await (await _owner.PostAsync($"/api/jobs/{id}/photos", Files((ShopLogoTests.Png, "late.png", "image/png"))))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        await (await _owner.DeleteAsync($"/api/jobs/{id}/photos/{photoIds[0]}")).ReadProblemAsync(HttpStatusCode.Conflict);
        foreach (var piece in pieces)
        {
            var stock = await (await _owner.GetAsync($"/api/stock/{piece}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(photoIds, stock["photos"]!.AsArray().Select(p => (string)p!));
            Assert.Equal(photoIds.Select(p => $"{Shop}/stock/{piece}/{p}").Order(), (await Blobs.ListAsync($"{Shop}/stock/{piece}/")).Order());
            Assert.Equal(ShopLogoTests.Png, await _owner.GetByteArrayAsync($"/api/stock/{piece}/photos/{photoIds[0]}"));
        }

        var reopening = await _owner.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Clasp is loose" });
        Assert.Equal(HttpStatusCode.Accepted, reopening.StatusCode);
        await DrainAsync();

        Assert.Equal("Succeeded", (string)(await (await _owner.GetAsync(reopening.Headers.Location!.OriginalString)).ReadJsonAsync(HttpStatusCode.OK))["status"]!);
        foreach (var piece in pieces) Assert.Empty(await Blobs.ListAsync($"{Shop}/stock/{piece}/"));
        Assert.Equal(2, (await Blobs.ListAsync($"{Shop}/jobs/{id}/")).Count);
        var reopened = await (await _owner.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("InProduction", "reopen-cleanup"), ((string)reopened["status"]!, (string)reopened["operation"]!["kind"]!));
    }

    [Fact]
    public async Task PiecesBeyondOneTransactionAreWrittenByTheOperationAndReopenWaitsForIt()
    {
        var id = (string)(await app.CreateJobAsync(_owner, "Sixty spacer beads"))["id"]!;
        (await _owner.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();

        var completed = await (await _owner.PostAsJsonAsync($"/api/jobs/{id}/complete", new { category = "Beads", quantity = 60, separateItems = true }))
            .ReadJsonAsync(HttpStatusCode.Accepted);
        var pieces = completed["completion"]!["pieces"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(60, pieces.Count);
        Assert.Equal(HttpStatusCode.OK, (await _owner.GetAsync($"/api/stock/{pieces[44]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync($"/api/stock/{pieces[45]}")).StatusCode);
        var early = await _owner.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Too soon" });
        await early.ReadProblemAsync(HttpStatusCode.Conflict);

        await DrainAsync();

        foreach (var piece in pieces) Assert.Equal(HttpStatusCode.OK, (await _owner.GetAsync($"/api/stock/{piece}")).StatusCode);
        var history = await (await _owner.GetAsync($"/api/stock/{pieces[59]}/history")).ReadArrayAsync();
        Assert.Equal("Created", (string)history.Single()!["action"]!);
        Assert.Equal(HttpStatusCode.Accepted, (await _owner.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync($"/api/stock/{pieces[59]}")).StatusCode);
    }

    [Fact]
    public async Task AReopenBeforeThePhotosWereCopiedCancelsTheCopiesSoNoneAppearsLater()
    {
        var (id, _) = await JobWithPhotosAsync();
        (await _owner.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        var completing = await _owner.PostAsJsonAsync($"/api/jobs/{id}/complete", new { category = "Earrings", quantity = 2, separateItems = true });
        var pieces = (await completing.ReadJsonAsync(HttpStatusCode.Accepted))["completion"]!["pieces"]!.AsArray().Select(p => (string)p!).ToList();

        Assert.Equal(HttpStatusCode.Accepted, (await _owner.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Wrong stones" })).StatusCode);
        await DrainAsync();

        var closeOut = await (await _owner.GetAsync(completing.Headers.Location!.OriginalString)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Canceled", 0), ((string)closeOut["status"]!, (int)closeOut["done"]!));
        foreach (var piece in pieces) Assert.Empty(await Blobs.ListAsync($"{Shop}/stock/{piece}/"));
        await (await _owner.PostAsJsonAsync($"{completing.Headers.Location!.OriginalString}/retry", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheBoardShowsTheCleanUpOfAReopenedJobUntilItIsDone()
    {
        var (id, _) = await JobWithPhotosAsync();
        (await _owner.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        (await _owner.PostAsJsonAsync($"/api/jobs/{id}/complete", new { category = "Earrings", quantity = 2, separateItems = true })).EnsureSuccessStatusCode();
        await DrainAsync();

        (await _owner.PostAsJsonAsync($"/api/jobs/{id}/reopen", new { reason = "Loose stone" })).EnsureSuccessStatusCode();

        var running = (await CardAsync(id))["operation"]!;
        Assert.Equal(("reopen-cleanup", "Pending", 0, 2), ((string)running["kind"]!, (string)running["status"]!, (int)running["done"]!, (int)running["total"]!));
        await DrainAsync();
        Assert.Null((await CardAsync(id))["operation"]);
    }

    private async Task<JsonObject> CardAsync(string jobId)
    {
        var board = await (await _owner.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK);
        return board["lanes"]!.AsArray().SelectMany(l => l!["cards"]!.AsArray()).Single(c => (string)c!["jobId"]! == jobId)!.AsObject();
    }
}
