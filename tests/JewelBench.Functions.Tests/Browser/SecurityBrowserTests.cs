using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SecurityBrowserTests(BrowserApp app)
{
    private const string Img = "<img src=x onerror=\"window.__xss=1\">";
    private const string Script = "<script>window.__xss=1</script>";

    [Fact]
    public async Task MarkupInJobsStockUsersAndShopSettingsIsShownAsTextAndNeverRuns()
    {
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        var tag = Guid.NewGuid().ToString("N")[..6];
        var jobId = await page.CreateJobAsync(new { description = $"Xss {tag} {Img}", customer = Script });
        await page.SendAsync("POST", $"/api/jobs/{jobId}/stages", new { name = Img, vendor = Script, notes = Img }, 201);
        await page.SendAsync("POST", $"/api/jobs/{jobId}/items",
            new { kind = "Material", description = $"{Script} wire", quantity = 1, unit = "pcs", unitCost = 2 }, 201);
        var doneId = await page.CreateJobAsync(new { description = $"Done {tag}" });
        var stockId = await page.CompleteJobAsync(doneId, $"Piece {Img}");
        await page.SendAsync("POST", "/api/users",
            new { name = Img, email = $"xss-{tag}@browser-shop.test", role = "Staff", password = "xss-password-1" }, 201);
        await page.SendAsync("PATCH", "/api/shop", new { address = Script, reason = Img });

        async Task AssertInertAsync(string where)
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"A payload ran on {where}.");
            Assert.True(await page.EvaluateAsync<bool>("() => !document.querySelector('main img[src=\"x\"], main script')"),
                $"A payload became markup on {where}.");
            Assert.Equal(0, dialogs);
        }

        await page.GotoAsync("/#/board");
        await Expect(page.GetByText($"Xss {tag} {Img}")).ToBeVisibleAsync();
        await Expect(page.GetByText(Script).First).ToBeVisibleAsync();
        await AssertInertAsync("the board");

        await page.GotoAsync("/#/list");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(tag);
        await Expect(page.GetByText($"Xss {tag} {Img}")).ToBeVisibleAsync();
        await AssertInertAsync("the list");

        await page.GotoAsync($"/#/jobs/{jobId}");
        var stages = page.GetByRole(AriaRole.Region, new() { Name = "Stages" });
        await Expect(stages).ToContainTextAsync(Img);
        await Expect(stages).ToContainTextAsync(Script);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Items" })).ToContainTextAsync($"{Script} wire");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "History" })).ToContainTextAsync(Img);
        await AssertInertAsync("the job page");

        await page.GotoAsync($"/#/stock/{stockId}");
        await Expect(page.GetByText($"Piece {Img}").First).ToBeVisibleAsync();
        await AssertInertAsync("the stock page");

        await page.GotoAsync("/#/users");
        await Expect(page.GetByText(Img, new() { Exact = true })).ToBeVisibleAsync();
        await AssertInertAsync("the users page");

        await page.GotoAsync("/#/settings");
        await Expect(page.GetByLabel("Address")).ToHaveValueAsync(Script);
        var history = page.GetByRole(AriaRole.Region, new() { Name = "History" });
        await Expect(history).ToContainTextAsync(Script);
        await Expect(history).ToContainTextAsync(Img);
        await AssertInertAsync("the shop settings");
        await page.SendAsync("PATCH", "/api/shop", new { address = "1 Test St" });
    }

    [Fact]
    public async Task ThePagesContentSecurityPolicyAllowsNoInlineScript()
    {
        var page = await app.NewPageAsync(signInAs: null);
        var response = await page.GotoAsync("/");
        var csp = await response!.HeaderValueAsync("content-security-policy");

        var scriptSrc = csp!.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src "));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("style-src ")));
    }

    [Fact]
    public async Task AFormPostedFromAnotherSiteCreatesNoJob()
    {
        var owner = await app.NewPageAsync();
        await owner.GotoAsync("/#/board");
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Board", Level = 1 })).ToBeVisibleAsync();
        var marker = $"Forged {Guid.NewGuid():N}";
        // text/plain lets a form send a body that looks like JSON: name={"description":"…","x":" and value="}.
        var attack = $$"""
            <!doctype html><html><body>
            <form id="f" method="post" action="{{app.BaseUrl}}/api/jobs" enctype="text/plain">
              <input name='{"description":"{{marker}}","x":"' value='"}'>
            </form>
            <script src="/attack.js"></script>
            </body></html>
            """;
        await owner.Context.RouteAsync("http://evil.test/**", route => route.Request.Url.EndsWith("/attack.js")
            ? route.FulfillAsync(new() { ContentType = "text/javascript", Body = "document.getElementById('f').submit();" })
            : route.FulfillAsync(new() { ContentType = "text/html", Body = attack }));

        var evil = await owner.Context.NewPageAsync();
        var posted = evil.WaitForResponseAsync(r => r.Url == $"{app.BaseUrl}/api/jobs" && r.Request.Method == "POST");
        await evil.GotoAsync("http://evil.test/attack.html");
        var answer = await posted;

        Assert.InRange(answer.Status, 400, 499);
        Assert.Equal(0, await owner.CountJobsAsync(marker));
    }
}
