using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JewelBench.Functions.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RepairJobBrowserTests(BrowserApp app)
{
    /// <summary>A valid 1×1 PNG.</summary>
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Fact]
    public async Task ARepairGoesFromIntakeForANewCustomerThroughQuoteDepositAndLanesToPickup()
    {
        var page = await app.NewPageAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var task = $"Ring sizing {tag}";
        var item = $"Gold band {tag}";
        var customer = $"Rosa Client {tag}";

        // The owner puts a standard repair on the price list (from the user menu)
        await page.GotoAsync("/#/board");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(BrowserApp.OwnerName) }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Repair price list" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Repair" }).FillAsync(task);
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Price" }).FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add repair" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = task })).ToContainTextAsync("$45.00");

        // Intake: a repair for a new customer, then a photo
        await page.GotoAsync("/#/board");
        await page.GetByRole(AriaRole.Button, new() { Name = "New job" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Repair") }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New customer" }).ClickAsync();
        await page.GetByLabel("Customer name").FillAsync(customer);
        await page.GetByLabel("Email").FillAsync($"rosa.{tag}@example.test");
        await page.GetByLabel("Description").FillAsync($"Size down to 6 ({tag})");
        await page.GetByLabel("Item").FillAsync(item);
        await page.GetByLabel("Metal").FillAsync("14k yellow gold");
        await page.GetByLabel("Condition at intake").FillAsync("Light scratches on the shank");
        await page.GetByLabel("Rush job").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new Regex(@"^[A-Z]+-\d+$") });
        await Expect(heading).ToBeVisibleAsync();
        var jobId = (await heading.InnerTextAsync()).Trim();
        await Expect(Region(page, "Customer")).ToContainTextAsync(customer);
        await Expect(Region(page, "Intake")).ToContainTextAsync("Light scratches on the shank");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit intake…" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Stones").FillAsync("No stones");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(Region(page, "Intake")).ToContainTextAsync("No stones");
        var photos = Region(page, "Photos");
        await photos.GetByLabel("Choose photos").SetInputFilesAsync(new FilePayload
        {
            Name = "intake.png", MimeType = "image/png", Buffer = Convert.FromBase64String(OnePixelPng),
        });
        await Expect(photos.GetByRole(AriaRole.Img, new() { Name = "Photo 1" })).ToHaveJSPropertyAsync("naturalWidth", 1);
        await ExpectLaneAsync(page, "In Shop", item, customer);
        await page.GotoAsync($"/#/jobs/{jobId}");

        // Quote from the price list, and the customer's approval by phone
        var quote = Region(page, "Quote");
        await quote.GetByLabel("Price list").SelectOptionAsync(new SelectOptionValue { Label = $"{task} — $45.00" });
        await quote.GetByRole(AriaRole.Button, new() { Name = "Add line" }).ClickAsync();
        await Expect(quote.GetByRole(AriaRole.Row).Filter(new() { HasText = task })).ToContainTextAsync("$45.00");
        await Expect(quote).ToContainTextAsync("Quote total$45.00");
        await quote.GetByRole(AriaRole.Button, new() { Name = "Record approval…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("How").SelectOptionAsync("Phone");
        await Expect(dialog.GetByLabel("Approved by")).ToHaveValueAsync(customer);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record approval" }).ClickAsync();
        await Expect(quote).ToContainTextAsync($"Approved by {customer}");

        // A deposit, and the piece goes out to a vendor
        await page.GetByRole(AriaRole.Button, new() { Name = "Take deposit…" }).ClickAsync();
        await dialog.GetByLabel("Amount").FillAsync("20");
        await dialog.GetByLabel("Payment method").SelectOptionAsync("Cash");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Take deposit" }).ClickAsync();
        await Expect(Region(page, "Payments")).ToContainTextAsync("$20.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move piece…" }).ClickAsync();
        await dialog.GetByLabel("Move to").SelectOptionAsync("Vendor");
        await dialog.GetByLabel("Vendor").FillAsync("Acme Plating");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move piece" }).ClickAsync();
        await Expect(Region(page, "Location")).ToContainTextAsync("Out at Acme Plating");
        await Expect(Region(page, "History")).ToContainTextAsync("Acme Plating");

        // Through the lanes: start work, then ready for pickup (invoice with the deposit applied)
        await page.GetByRole(AriaRole.Button, new() { Name = "Start work" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ready for pickup" })).ToBeVisibleAsync();
        await ExpectLaneAsync(page, "In Progress", item, customer);
        await page.GotoAsync($"/#/jobs/{jobId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ready for pickup" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark ready for pickup" }).ClickAsync();
        var invoice = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Invoice") });
        await Expect(invoice).ToContainTextAsync("Total$45.00", new() { Timeout = 30_000 });
        await Expect(invoice).ToContainTextAsync("Deposit applied-$20.00");
        await Expect(invoice).ToContainTextAsync("Balance due$25.00");
        await Expect(invoice.GetByRole(AriaRole.Link, new() { Name = "Email queued — see Outbox" })).ToBeVisibleAsync();
        await ExpectLaneAsync(page, "Ready for Pickup", item, customer);

        // The pickup email in the Outbox, as the customer sees it; its link opens the customer's status page
        await page.GotoAsync("/#/outbox");
        var mailRow = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(Regex.Escape(customer)) }).First;
        await mailRow.ClickAsync();
        // Opened while the worker may still be on it: the Outbox looks again every 5 s until it has gone to the outbox.
        await Expect(mailRow).ToContainTextAsync("Outbox", new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Your {item} is ready for pickup — Browser Jewelers" })).ToBeVisibleAsync();
        var email = page.GetByTitle("The email as the customer sees it").ContentFrame;
        await Expect(email.GetByText("Balance due at pickup")).ToBeVisibleAsync();
        var statusUrl = await email.GetByRole(AriaRole.Link, new() { Name = "See your job's status" }).GetAttributeAsync("href");
        await page.GotoAsync($"/#/jobs/{jobId}");
        await Expect(Region(page, "Customer status page").GetByRole(AriaRole.Link, new() { Name = "Open status page" }))
            .ToHaveAttributeAsync("href", new Regex(Regex.Escape(new Uri(statusUrl!).Fragment) + "$"));
        statusUrl = app.BaseUrl + new Uri(statusUrl!).PathAndQuery + new Uri(statusUrl!).Fragment;
        var customerPage = await app.NewPageAsync(width: 375, height: 800, signInAs: null);
        await customerPage.GotoAsync(statusUrl!);
        await Expect(customerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(item);
        await Expect(customerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Ready for pickup");
        await Expect(customerPage.GetByRole(AriaRole.Region, new() { Name = "Balance" })).ToContainTextAsync("Balance due$25.00");
        await customerPage.GotoAsync("/status.html#not-a-real-link");
        await Expect(customerPage.GetByRole(AriaRole.Heading, new() { Name = "This link is not valid or has expired" })).ToBeVisibleAsync();

        // Picked up: the balance is paid, the job leaves the board and the List still finds it
        await page.GetByRole(AriaRole.Button, new() { Name = "Picked up…" }).ClickAsync();
        await Expect(dialog.GetByLabel("Amount paid")).ToHaveValueAsync(new Regex(@"^25(\.0+)?$"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record pickup" }).ClickAsync();
        await Expect(page.GetByText("Picked up", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(Region(page, "Payments")).ToContainTextAsync("Balance");
        await page.GotoAsync("/#/board");
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^In Shop") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link).Filter(new() { HasText = item })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "List" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(tag);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = jobId })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AtPhoneWidthStaffAreToldNextToTheFieldThatANewCustomerNeedsAContactAndCanPickAnExistingOne()
    {
        var page = await app.NewPageAsync(width: 375, height: 800, signInAs: BrowserApp.Staff);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"Ida Found {tag}";
        await page.SendAsync("POST", "/api/customers", new { name, phone = "555-0199" }, 201);
        await page.GotoAsync("/#/new?module=Custom");
        await Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Custom") })).ToBeCheckedAsync();

        await page.GetByLabel("Description").FillAsync($"Pendant from her grandmother's stone ({tag})");
        await page.GetByLabel("Item").FillAsync("Pendant");
        await page.GetByRole(AriaRole.Button, new() { Name = "New customer" }).ClickAsync();
        await page.GetByLabel("Customer name").FillAsync($"No Contact {tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
        var email = page.GetByLabel("Email");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".field").Filter(new() { Has = email })).ToContainTextAsync("phone number");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The new-job page scrolls sideways at phone width.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Find an existing customer instead" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Find customer" }).FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^{name}") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new Regex(@"^[A-Z]+-\d+$") })).ToBeVisibleAsync();
        await Expect(Region(page, "Customer")).ToContainTextAsync(name);
        await Expect(Region(page, "Customer")).ToContainTextAsync("555-0199");

        // Staff read the price list; only the owner changes it
        await page.GotoAsync("/#/price-list");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Repair price list", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add repair" })).ToHaveCountAsync(0);
    }

    private static ILocator Region(IPage page, string name) =>
        page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>On the board, the job's card is in that lane, with its module, customer and RUSH flag.</summary>
    private static async Task ExpectLaneAsync(IPage page, string lane, string item, string customer)
    {
        await page.GotoAsync("/#/board");
        var card = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex($"^{lane}") })
            .GetByRole(AriaRole.Link).Filter(new() { HasText = item });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(customer);
        await Expect(card).ToContainTextAsync("Repair");
        await Expect(card).ToContainTextAsync("RUSH");
    }
}
