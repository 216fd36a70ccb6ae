using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ProcessBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task StaffSetUpAProcessReorderItAndStartAJobFromIt()
    {
        var page = await app.NewPageAsync(signInAs: BrowserApp.Staff);
        await page.GotoAsync("/#/processes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New process" })).ToBeVisibleAsync();

        // Three stages, the last one moved up a place
        await page.GetByLabel("Process name").FillAsync("Browser casting line");
        foreach (var (name, index) in new[] { "Casting", "Polish", "Setting" }.Select((n, i) => (n, i + 1)))
        {
            if (index > 1) await page.GetByRole(AriaRole.Button, new() { Name = "Add stage" }).ClickAsync();
            var stage = page.GetByRole(AriaRole.Group, new() { Name = $"Stage {index}", Exact = true });
            await stage.GetByLabel("Stage name").FillAsync(name);
            await stage.GetByLabel("Days").FillAsync("2");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Setting up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Stage 2", Exact = true }).GetByLabel("Stage name")).ToHaveValueAsync("Setting");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Setting up" })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create process" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Browser casting line") }))
            .ToContainTextAsync("Casting → Setting → Polish");

        // A production job started from it
        await page.GotoAsync("/#/new");
        await page.GetByLabel("Description").FillAsync("Cast signet from a process");
        await page.GetByLabel("Start from process").SelectOptionAsync(new SelectOptionValue { Label = "Browser casting line" });
        await Expect(page.GetByText("Stages: Casting → Setting → Polish")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^P-\d{4}$") })).ToBeVisibleAsync();
        var stages = page.GetByRole(AriaRole.Region, new() { Name = "Stages" });
        await Expect(stages).ToContainTextAsync("From process: Browser casting line (v1)");
        foreach (var (name, index) in new[] { "Casting", "Setting", "Polish" }.Select((n, i) => (n, i + 1)))
            await Expect(stages.GetByRole(AriaRole.Group, new() { Name = $"{name} (stage {index})", Exact = true })).ToBeVisibleAsync();

        // The same stages once more, appended from the stages panel
        await stages.GetByRole(AriaRole.Button, new() { Name = "Add stages from process" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Process").SelectOptionAsync(new SelectOptionValue { Label = "Browser casting line" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add stages" }).ClickAsync();
        await Expect(stages.GetByRole(AriaRole.Group, new() { Name = "Polish (stage 6)", Exact = true })).ToBeVisibleAsync();
    }
}
