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

/// <summary>Custody at intake: the customer's signature on screen and the intake receipt email.</summary>
[Collection(AppCollection.Name)]
public sealed class IntakeApiTests(JewelBenchApp app)
{
    private const string Shop = "intake-shop";
    private readonly HttpClient _client = app.Client("counter", Role.Staff, Shop);
    private IBlobStore Blobs => app.Services.GetRequiredService<IBlobStore>();

    /// <summary>A second PNG, different bytes from <see cref="ShopLogoTests.Png"/>: the 1×1 PNG with a trailing chunk of text.</summary>
    private static readonly byte[] OtherPng = [.. ShopLogoTests.Png, .. "second signature"u8];

    private async Task<string> CustomerAsync(string? email = "lena@customer.test") =>
        (string)(await (await _client.PostAsJsonAsync("/api/customers", new { name = "Lena Ruiz", email, phone = "555 0111" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;

    private async Task<string> RepairAsync(string? email = "lena@customer.test") =>
        (string)(await (await _client.PostAsJsonAsync("/api/jobs", new
        {
            module = "Repair", description = "Replace the clasp", customerId = await CustomerAsync(email), item = "Pearl necklace",
            metal = "18k white", stones = "Akoya pearls", condition = "Clasp bent; two pearls loose", targetDate = "2026-11-27", rush = true,
        })).ReadJsonAsync(HttpStatusCode.Created))["id"]!;

    private static ByteArrayContent Png(byte[] bytes, string declaredType = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        return content;
    }

    private Task<HttpResponseMessage> SignAsync(string id, byte[] bytes, string declaredType = "image/png") =>
        _client.PutAsync($"/api/jobs/{id}/signature", Png(bytes, declaredType));

    private Task<IReadOnlyList<string>> SignatureBlobsAsync(string id) => Blobs.ListAsync($"{Shop}/jobs/{id}/signature-");

    private async Task RunOperationsAsync()
    {
        var executor = app.Services.GetRequiredService<OperationExecutor>();
        await executor.DrainAsync();
    }

    [Fact]
    public async Task TheSignatureIsStoredServedToStaffAndReplacedWithTheOldImageDeletedAndTheHistoryKept()
    {
        var id = await RepairAsync();

        var first = await (await SignAsync(id, ShopLogoTests.Png)).ReadJsonAsync(HttpStatusCode.OK);
        var firstBlob = Assert.Single(await SignatureBlobsAsync(id));
        var served = await _client.GetAsync($"/api/jobs/{id}/signature");

        Assert.Equal(("counter", ShopLogoTests.Png.Length), ((string)first["signature"]!["takenBy"]!, (int)first["signature"]!["bytes"]!));
        Assert.Equal(app.Clock.GetUtcNow(), (DateTimeOffset)first["signature"]!["takenAt"]!);
        Assert.Null(first["signature"]!["blobName"]);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ShopLogoTests.Png, await served.Content.ReadAsByteArrayAsync());
        Assert.StartsWith($"{Shop}/jobs/{id}/signature-", firstBlob);

        await (await SignAsync(id, OtherPng, "application/octet-stream")).ReadJsonAsync(HttpStatusCode.OK);

        var secondBlob = Assert.Single(await SignatureBlobsAsync(id));
        Assert.NotEqual(firstBlob, secondBlob);
        Assert.Null(await Blobs.GetAsync(firstBlob));
        Assert.Equal(OtherPng, await (await _client.GetAsync($"/api/jobs/{id}/signature")).Content.ReadAsByteArrayAsync());
        var history = await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();
        var signed = history.Where(e => (string?)e!["field"] == "signature").ToList();
        Assert.Equal(["Signed", "SignatureReplaced"], signed.Select(e => (string)e!["action"]!));
        Assert.Equal((firstBlob, secondBlob), ((string)signed[1]!["from"]!, (string)signed[1]!["to"]!));
        Assert.All(signed, e => Assert.Equal("counter", (string)e!["by"]!));
    }

    public static TheoryData<string, byte[], string, HttpStatusCode> BadSignatures => new()
    {
        { "a JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0xFF, 0xD9], "image/png", HttpStatusCode.UnsupportedMediaType },
        { "an SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "image/png", HttpStatusCode.UnsupportedMediaType },
        { "a PNG over 512 KB", [.. ShopLogoTests.Png, .. new byte[512 * 1024]], "image/png", HttpStatusCode.RequestEntityTooLarge },
        { "nothing", [], "image/png", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task ASignatureThatIsNotAPngOrTooLargeOrEmptyIsRefusedAndWritesNothing(string what, byte[] body, string declaredType,
        HttpStatusCode expected)
    {
        var id = await RepairAsync();
        await (await SignAsync(id, ShopLogoTests.Png)).ReadJsonAsync(HttpStatusCode.OK);
        var (before, blobsBefore) = (await app.SnapshotAsync(Shop), await SignatureBlobsAsync(id));

        var response = await SignAsync(id, body, declaredType);

        await response.ReadProblemAsync(expected);
        Assert.True(before == await app.SnapshotAsync(Shop), $"{what} changed the shop's rows.");
        Assert.Equal(blobsBefore, await SignatureBlobsAsync(id));
        Assert.Equal(ShopLogoTests.Png, await (await _client.GetAsync($"/api/jobs/{id}/signature")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AProductionJobOrAClosedRepairCannotBeSignedAndAnUnsignedJobHasNoSignatureToServe()
    {
        var production = (string)(await app.CreateJobAsync(_client, "Stock pendants"))["id"]!;
        var canceled = await RepairAsync();
        await (await _client.PostAsJsonAsync($"/api/jobs/{canceled}/transitions", new { to = "Canceled", reason = "Customer took it back" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        var before = await app.SnapshotAsync(Shop);

        var onProduction = await (await SignAsync(production, ShopLogoTests.Png)).ReadProblemAsync(HttpStatusCode.Conflict);
        var onCanceled = await (await SignAsync(canceled, ShopLogoTests.Png)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("repair or custom job", (string)onProduction["detail"]!);
        Assert.Contains("canceled", (string)onCanceled["detail"]!);
        Assert.Equal(before, await app.SnapshotAsync(Shop));
        Assert.Empty(await SignatureBlobsAsync(canceled));
        await (await _client.GetAsync($"/api/jobs/{canceled}/signature")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/api/jobs/R-9999/signature")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheIntakeReceiptIsEmailedWithConditionPromisedDatePhotosTheCustomerCanOpenAndTheStatusLink()
    {
        var id = await RepairAsync();
        var photos = new MultipartFormDataContent { { new ByteArrayContent(ShopLogoTests.Png), "photos", "necklace.png" } };
        var photoId = (string)(await (await _client.PostAsync($"/api/jobs/{id}/photos", photos)).ReadJsonAsync(HttpStatusCode.Created))["photos"]![0]!["id"]!;
        await (await _client.PostAsJsonAsync($"/api/jobs/{id}/deposits", new { amount = 25, method = "Cash" })).ReadJsonAsync(HttpStatusCode.OK);
        var signedAt = (DateTimeOffset)(await (await SignAsync(id, ShopLogoTests.Png)).ReadJsonAsync(HttpStatusCode.OK))["signature"]!["takenAt"]!;

        var response = await _client.PostAsync($"/api/jobs/{id}/intake-receipt", null);
        var job = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal($"/api/operations/{job["operation"]!["id"]}", response.Headers.Location?.OriginalString);
        await RunOperationsAsync();

        var operation = await (await _client.GetAsync($"/api/operations/{job["operation"]!["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Succeeded", (string)operation["status"]!);
        var listed = Assert.Single(await (await _client.GetAsync("/api/outbox")).ReadArrayAsync(), m => (string?)m!["jobId"] == id)!;
        var mail = await (await _client.GetAsync($"/api/outbox/{listed["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Outbox", "lena@customer.test", "intake-receipt"), ((string)mail["status"]!, (string)mail["toAddress"]!, (string)mail["purpose"]!));
        Assert.Equal($"Your Pearl necklace is with us — intake receipt {id} — {Shop} jewelers", (string)mail["subject"]!);
        var (text, html) = ((string)mail["text"]!, (string)mail["html"]!);
        foreach (var expected in new[] { $"Job number: {id}", "Item: Pearl necklace", "Metal: 18k white", "Stones: Akoya pearls",
                     "Condition at intake: Clasp bent; two pearls loose", "Work requested: Replace the clasp",
                     "Promised date: Friday, November 27, 2026", "Priority: RUSH", "Deposit taken: 25.00 USD",
                     $"Signed by the customer at intake on {signedAt.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}.", $"http://localhost:7071{job["statusPage"]}", "1 Bench Street" })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var token = ((string)job["statusPage"]!).Split('#')[1];
        var photoUrl = $"http://localhost:7071/api/status/{token}/photos/{photoId}";
        Assert.Contains($"<img src=\"{photoUrl}\"", html);
        var photo = await app.AnonymousClient().GetAsync(photoUrl["http://localhost:7071".Length..]);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal(ShopLogoTests.Png, await photo.Content.ReadAsByteArrayAsync());

        var history = await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string)e!["summary"]! == "Intake receipt emailed to lena@customer.test" && (string)e["by"]! == "counter");
    }

    [Fact]
    public async Task SendingTheReceiptAgainQueuesASecondEmailAndASecondHistoryEvent()
    {
        var id = await RepairAsync();

        await (await _client.PostAsJsonAsync($"/api/jobs/{id}/intake-receipt", new { })).ReadJsonAsync(HttpStatusCode.Accepted);
        await (await _client.PostAsync($"/api/jobs/{id}/intake-receipt", null)).ReadJsonAsync(HttpStatusCode.Accepted);

        var mails = (await (await _client.GetAsync("/api/outbox")).ReadArrayAsync()).Where(m => (string?)m!["jobId"] == id).ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("intake-receipt", (string)m!["purpose"]!));
        var history = await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();
        Assert.Equal(2, history.Count(e => ((string)e!["summary"]!).StartsWith("Intake receipt emailed to", StringComparison.Ordinal)));
        await RunOperationsAsync();
    }

    [Fact]
    public async Task TheReceiptIsRefusedWith409ForACustomerWithoutEmailAProductionJobOrAClosedJobAndNothingIsWritten()
    {
        var noEmail = await RepairAsync(email: null);
        var production = (string)(await app.CreateJobAsync(_client, "Stock earrings"))["id"]!;
        var canceled = await RepairAsync();
        await (await _client.PostAsJsonAsync($"/api/jobs/{canceled}/transitions", new { to = "Canceled", reason = "Never mind" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        var before = await app.SnapshotAsync(Shop);

        var problems = new List<JsonObject>();
        foreach (var job in new[] { noEmail, production, canceled })
            problems.Add(await (await _client.PostAsync($"/api/jobs/{job}/intake-receipt", null)).ReadProblemAsync(HttpStatusCode.Conflict));

        Assert.Equal("Lena Ruiz has no email address: add one to the customer's record to email the intake receipt.", (string)problems[0]["detail"]!);
        Assert.Contains("repair or custom job", (string)problems[1]["detail"]!);
        Assert.Contains("canceled", (string)problems[2]["detail"]!);
        Assert.Equal(before, await app.SnapshotAsync(Shop));
    }
}
