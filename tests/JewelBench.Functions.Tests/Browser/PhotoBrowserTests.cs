using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PhotoBrowserTests(BrowserApp app)
{
    /// <summary>A valid 1×1 PNG.</summary>
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private static FilePayload Png(string name) => new() { Name = name, MimeType = "image/png", Buffer = Convert.FromBase64String(OnePixelPng) };

    private static ILocator PhotosOf(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Photos", Exact = true });

    /// <summary>The image really decoded (a 1×1 PNG), not just an element with a src.</summary>
    private static Task ExpectRenderedAsync(ILocator img) =>
        Expect(img).ToHaveJSPropertyAsync("naturalWidth", 1, new() { Timeout = 30_000 });

    [Fact]
    public async Task APhotoUploadedToAJobIsOnBothStockIdsAfterCloseOutAsTwoSeparateItems()
    {
        var page = await app.NewPageAsync();
        var description = $"Photo pendant {Guid.NewGuid().ToString("N")[..6]}";
        var jobId = await page.CreateJobAsync(new { description });
        await page.GotoAsync($"/#/jobs/{jobId}");

        var photos = PhotosOf(page);
        await Expect(photos.GetByText("No photos yet.")).ToBeVisibleAsync();
        await photos.GetByLabel("Choose photos").SetInputFilesAsync(Png("bench.png"));
        var thumb = photos.GetByRole(AriaRole.Img, new() { Name = "Photo 1" });
        await ExpectRenderedAsync(thumb);
        await Expect(photos.GetByText("No photos yet.")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Start production" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete & Create Inventory" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog);
        await form.GetByLabel("Quantity").FillAsync("2");
        await form.GetByLabel("Separate items").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();

        // The answer is 202: the progress shows until the close-out has copied the photo to both pieces.
        await Expect(page.GetByText(new Regex(@"^Creating inventory…"))).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"^Creating inventory…"))).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Expect(page.Locator("#toasts").GetByText("Inventory created", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        var pieces = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^S-\d{5}$") });
        await Expect(pieces).ToHaveCountAsync(2);
        var stockIds = new[] { await pieces.Nth(0).InnerTextAsync(), await pieces.Nth(1).InnerTextAsync() };
        Assert.NotEqual(stockIds[0], stockIds[1]);

        foreach (var stockId in stockIds)
        {
            await page.GotoAsync($"/#/stock/{stockId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = stockId, Level = 1 })).ToBeVisibleAsync();
            var stockPhotos = PhotosOf(page);
            var img = stockPhotos.GetByRole(AriaRole.Img, new() { Name = $"Photo 1 of {stockId}" });
            await ExpectRenderedAsync(img);
            await Expect(img).ToHaveAttributeAsync("src", new Regex($"^/api/stock/{stockId}/photos/"));
            await Expect(stockPhotos.GetByRole(AriaRole.Link, new() { Name = jobId })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task AFileThatIsNotAnImageIsRefusedWithItsReasonAndAddsNoPhoto()
    {
        var page = await app.NewPageAsync();
        var jobId = await page.CreateJobAsync(new { description = "Not-a-photo ring" });
        await page.GotoAsync($"/#/jobs/{jobId}");

        var photos = PhotosOf(page);
        await photos.GetByLabel("Choose photos").SetInputFilesAsync(new FilePayload
        {
            Name = "notes.png", MimeType = "image/png", Buffer = Encoding.UTF8.GetBytes("These are notes, not a picture."),
        });

        var alert = photos.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("notes.png is not a photo JewelBench can keep.");
        await Expect(alert).ToContainTextAsync("JPEG, PNG, WebP or HEIC");
        await Expect(photos.GetByText("No photos yet.")).ToBeVisibleAsync();
        var job = await page.SendAsync("GET", $"/api/jobs/{jobId}");
        Assert.Equal(0, job.GetProperty("photos").GetArrayLength());
    }

    [Fact]
    public async Task AJobPhotoIsTheBoardThumbnailOpensLargerAndIsDeletedOnlyAfterConfirming()
    {
        var page = await app.NewPageAsync();
        var description = $"Thumbnail brooch {Guid.NewGuid().ToString("N")[..6]}";
        var jobId = await page.CreateJobAsync(new { description });
        await page.GotoAsync($"/#/jobs/{jobId}");
        var photos = PhotosOf(page);
        await photos.GetByLabel("Choose photos").SetInputFilesAsync(Png("front.png"));
        await ExpectRenderedAsync(photos.GetByRole(AriaRole.Img, new() { Name = "Photo 1" }));

        await page.GotoAsync("/#/board");
        var card = page.GetByRole(AriaRole.Link).Filter(new() { HasText = description });
        await ExpectRenderedAsync(card.GetByRole(AriaRole.Img, new() { Name = description }));

        await card.ClickAsync();
        await photos.GetByRole(AriaRole.Button, new() { Name = "Photo 1" }).ClickAsync();
        var viewer = page.GetByRole(AriaRole.Dialog, new() { Name = "Photo" });
        await ExpectRenderedAsync(viewer.GetByRole(AriaRole.Img, new() { Name = "Photo 1" }));
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Delete photo" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete this photo?" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(photos.GetByRole(AriaRole.Img, new() { Name = "Photo 1" })).ToBeVisibleAsync();

        await photos.GetByRole(AriaRole.Button, new() { Name = "Photo 1" }).ClickAsync();
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Delete photo" }).ClickAsync();
        await confirm.GetByLabel("Reason (optional)").FillAsync("Blurry");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete photo" }).ClickAsync();
        await Expect(photos.GetByText("No photos yet.")).ToBeVisibleAsync();
        var job = await page.SendAsync("GET", $"/api/jobs/{jobId}");
        Assert.Equal(0, job.GetProperty("photos").GetArrayLength());
    }

    /// <summary>
    /// A close-out cannot be made to fail on purpose in the shared host, so the job's answer is rewritten to show its
    /// operation Failed, and the retry is answered as the server would (202, Running); the real operation, long
    /// finished, then answers Succeeded to the page's polling.
    /// </summary>
    [Fact]
    public async Task AFailedCloseOutShowsItsErrorAndRetryFollowsItToTheEnd()
    {
        var page = await app.NewPageAsync();
        var jobId = await page.CreateJobAsync(new { description = "Retry bangle" });
        await page.CompleteJobAsync(jobId, "Retry bangle");
        var operationId = (await page.SendAsync("GET", $"/api/jobs/{jobId}")).GetProperty("operation").GetProperty("id").GetString()!;

        var failing = true;
        await page.RouteAsync($"**/api/jobs/{jobId}", async route =>
        {
            if (!failing || route.Request.Method != "GET")
            {
                await route.ContinueAsync();
                return;
            }
            var response = await route.FetchAsync();
            var job = JsonNode.Parse(await response.TextAsync())!;
            job["operation"]!["status"] = "Failed";
            job["operation"]!["lastError"] = "The blob service did not answer.";
            job["operation"]!["failedStep"] = "copy-photos";
            await route.FulfillAsync(new() { Response = response, Body = job.ToJsonString() });
        });
        string? retryBody = null;
        await page.RouteAsync($"**/api/operations/{operationId}/retry", async route =>
        {
            retryBody = route.Request.PostData;
            failing = false;
            await route.FulfillAsync(new()
            {
                Status = 202, ContentType = "application/json",
                Body = new JsonObject { ["id"] = operationId, ["kind"] = "close-out", ["subjectId"] = jobId, ["status"] = "Running", ["done"] = 0, ["total"] = 1 }.ToJsonString(),
            });
        });

        await page.GotoAsync($"/#/jobs/{jobId}");
        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Creating inventory stopped" });
        await Expect(alert).ToContainTextAsync("Creating inventory stopped at step “copy-photos”.");
        await Expect(alert).ToContainTextAsync("The blob service did not answer.");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        await Expect(page.Locator("#toasts").GetByText("Inventory created", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(alert).ToHaveCountAsync(0);
        await Expect(page.GetByText(new Regex("^Creating inventory…"))).ToHaveCountAsync(0);
        Assert.Equal("{}", retryBody);
    }
}
