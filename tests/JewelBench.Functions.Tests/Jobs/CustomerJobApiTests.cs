using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.Invoices;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Jobs;

[Collection(AppCollection.Name)]
public sealed class CustomerJobApiTests(JewelBenchApp app)
{
    private readonly HttpClient _client = app.Client("counter");

    private async Task<string> CustomerAsync(string name = "Mia Chen") =>
        (string)(await (await _client.PostAsJsonAsync("/api/customers", new { name, email = "mia@customer.test", phone = "(555) 010-2030" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;

    private async Task<JsonObject> RepairAsync(string? customerId = null) =>
        await (await _client.PostAsJsonAsync("/api/jobs", new
        {
            module = "Repair", description = "Size from 6 to 7", customerId = customerId ?? await CustomerAsync(),
            item = "Ladies 14k band", metal = "14k yellow", condition = "Light scratches on the shank", targetDate = "2026-11-20", rush = true,
        })).ReadJsonAsync(HttpStatusCode.Created);

    private async Task<JsonObject> PostAsync(string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await _client.PostAsJsonAsync(url, body)).ReadJsonAsync(expected);

    /// <summary>A repair quoted 45.00 from the price list + 15.00 free-form, approved, with a 20.00 deposit, in progress.</summary>
    private async Task<string> ApprovedRepairAsync()
    {
        var id = (string)(await RepairAsync())["id"]!;
        var task = await (await _client.PostAsJsonAsync("/api/price-list", new { name = "Ring sizing up, 14k", price = 45 })).ReadJsonAsync(HttpStatusCode.Created);
        await (await _client.PutAsJsonAsync($"/api/jobs/{id}/quote", new { lines = new object[] {
            new { taskId = (string)task["id"]!, quantity = 1 }, new { description = "Polish and clean", quantity = 1, unitPrice = 15 } } }))
            .ReadJsonAsync(HttpStatusCode.OK);
        await PostAsync($"/api/jobs/{id}/quote/approve", new { how = "Phone", approvedBy = "Mia Chen", note = "Called at 10:05" });
        await PostAsync($"/api/jobs/{id}/deposits", new { amount = 20, method = "Card" });
        await PostAsync($"/api/jobs/{id}/transitions", new { to = "InProgress" });
        return id;
    }

    /// <summary>Ready for pickup answers 202: the customer has an email address, so the pickup email is on its way.</summary>
    private async Task<JsonObject> ReadyAsync(string id)
    {
        var response = await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "ReadyForPickup" });
        var job = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal($"/api/operations/{job["operation"]!["id"]}", response.Headers.Location?.OriginalString);
        return job;
    }

    private async Task<JsonObject> CardAsync(string id)
    {
        var board = await (await _client.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK);
        return board["lanes"]!.AsArray().SelectMany(l => l!["cards"]!.AsArray()).SingleOrDefault(c => (string)c!["jobId"]! == id)?.AsObject()!;
    }

    [Fact]
    public async Task ARepairIsTakenInForACustomerWithThePieceAndLandsInShop()
    {
        var job = await RepairAsync();

        Assert.Equal(("Repair", "Received", "InShop", "Mia Chen"), ((string)job["module"]!, (string)job["status"]!, (string)job["lane"]!, (string)job["customer"]!));
        Assert.Equal("Light scratches on the shank", (string)job["intake"]!["condition"]!);
        Assert.StartsWith("/status.html#test-shop.", (string)job["statusPage"]!);
        var card = await CardAsync((string)job["id"]!);
        Assert.Equal(("InShop", "Ladies 14k band", "Bench", true), ((string)card["lane"]!, (string)card["item"]!, (string)card["location"]!, (bool)card["rush"]!));
    }

    [Fact]
    public async Task IntakeWithoutACustomerOfThisShopIsRefusedAndWritesNothing()
    {
        var otherShopCustomer = (string)(await (await app.Client("owner", shop: JewelBenchApp.OtherShop)
            .PostAsJsonAsync("/api/customers", new { name = "Not yours", phone = "555 0199" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        var before = await app.SnapshotAsync();

        var missing = await _client.PostAsJsonAsync("/api/jobs", new { module = "Repair", description = "Clasp" });
        var foreign = await _client.PostAsJsonAsync("/api/jobs", new { module = "Custom", description = "Pendant", customerId = otherShopCustomer, item = "Pendant" });

        await missing.ReadProblemAsync(HttpStatusCode.BadRequest, "customerId", "item");
        await foreign.ReadProblemAsync(HttpStatusCode.BadRequest, "customerId");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task TheEstimateComesFromThePriceListAndItsApprovalIsRecorded()
    {
        var id = await ApprovedRepairAsync();

        var job = await (await _client.GetAsync($"/api/jobs/{id}")).ReadJsonAsync(HttpStatusCode.OK);

        var lines = job["quote"]!["lines"]!.AsArray();
        Assert.Equal(("Ring sizing up, 14k", 45m), ((string)lines[0]!["description"]!, (decimal)lines[0]!["amount"]!));
        Assert.Equal(60m, (decimal)job["quote"]!["total"]!);
        Assert.Equal(("Phone", "Mia Chen", "counter"), ((string)job["quote"]!["approval"]!["how"]!, (string)job["quote"]!["approval"]!["approvedBy"]!,
            (string)job["quote"]!["approval"]!["recordedBy"]!));
        Assert.Equal(20m, (decimal)job["depositTotal"]!);
        Assert.Equal("InProgress", (string)(await CardAsync(id))["lane"]!);
    }

    [Fact]
    public async Task ReadyForPickupMakesTheInvoiceWithTaxAndDepositInOneTransaction()
    {
        var id = await ApprovedRepairAsync();

        var job = await ReadyAsync(id);

        var invoice = job["invoice"]!;
        Assert.Equal("ReadyForPickup", (string)job["status"]!);
        // 60.00 + 8.25 % tax (4.95) − 20.00 deposit
        Assert.Equal((60m, 4.95m, 64.95m, 20m, 44.95m, "Open"), ((decimal)invoice["subtotal"]!, (decimal)invoice["tax"]!, (decimal)invoice["total"]!,
            (decimal)invoice["depositApplied"]!, (decimal)invoice["balanceDue"]!, (string)invoice["status"]!));
        Assert.Equal("ReadyForPickup", (string)(await CardAsync(id))["lane"]!);
        var stored = await app.Services.GetRequiredService<IShopTable>().GetAsync<Invoice>(JewelBenchApp.Shop, Keys.Invoice((string)invoice["id"]!));
        Assert.Equal((id, 44.95m), (stored!.Value.JobId, stored.Value.BalanceDue));
    }

    [Fact]
    public async Task MovingOutOfReadyVoidsTheInvoiceButKeepsIt()
    {
        var id = await ApprovedRepairAsync();
        var first = (string)(await ReadyAsync(id))["invoice"]!["id"]!;

        var back = await PostAsync($"/api/jobs/{id}/transitions", new { to = "InProgress", reason = "Stone loose on inspection" });
        var second = (string)(await ReadyAsync(id))["invoice"]!["id"]!;

        Assert.Null(back["invoice"]);
        Assert.NotEqual(first, second);
        var table = app.Services.GetRequiredService<IShopTable>();
        Assert.Equal(InvoiceStatus.Void, (await table.GetAsync<Invoice>(JewelBenchApp.Shop, Keys.Invoice(first)))!.Value.Status);
        var history = await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string)e!["action"]! == "InvoiceVoided" && (string)e["from"]! == first && (string)e["reason"]! == "Stone loose on inspection");
    }

    [Fact]
    public async Task PickupTakesTheBalanceClosesTheJobAndKeepsItInTheList()
    {
        var id = await ApprovedRepairAsync();
        await ReadyAsync(id);
        var before = await app.SnapshotAsync();

        var short_ = await _client.PostAsJsonAsync($"/api/jobs/{id}/pickup", new { amount = 20, method = "Cash" });
        await short_.ReadProblemAsync(HttpStatusCode.BadRequest, "amount");
        Assert.Equal(before, await app.SnapshotAsync());

        var job = await PostAsync($"/api/jobs/{id}/pickup", new { amount = 44.95, method = "Cash" });

        Assert.Equal(("PickedUp", "Paid"), ((string)job["status"]!, (string)job["invoice"]!["status"]!));
        Assert.Null(await CardAsync(id));
        var list = await (await _client.GetAsync("/api/jobs?status=PickedUp")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(list["items"]!.AsArray(), j => (string)j!["id"]! == id);
        var moved = await _client.PostAsJsonAsync($"/api/jobs/{id}/location", new { place = "Safe" });
        await moved.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task EveryMoveOfThePieceIsInItsHistory()
    {
        var id = (string)(await RepairAsync())["id"]!;

        await PostAsync($"/api/jobs/{id}/location", new { place = "Safe", reason = "Overnight" });
        var job = await PostAsync($"/api/jobs/{id}/location", new { place = "Vendor", vendor = "Ace Casting" });
        var noVendor = await _client.PostAsJsonAsync($"/api/jobs/{id}/location", new { place = "Vendor" });

        Assert.Equal(("Vendor", "Ace Casting"), ((string)job["location"]!["place"]!, (string)job["location"]!["vendor"]!));
        await noVendor.ReadProblemAsync(HttpStatusCode.BadRequest, "vendor");
        var moves = (await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync()).Where(e => (string)e!["action"]! == "Moved")
            .Select(e => $"{e!["from"]} → {e["to"]}").ToList();
        Assert.Equal(["Bench → Safe", "Safe → Out at Ace Casting"], moves);
        Assert.Equal("Out at Ace Casting", (string)(await CardAsync(id))["location"]!);
    }

    [Fact]
    public async Task HoldNeedsAReasonWhichTheCardShows()
    {
        var id = (string)(await RepairAsync())["id"]!;

        var noReason = await _client.PatchJsonAsync($"/api/jobs/{id}", new { onHold = true });
        await _client.PatchJsonAsync($"/api/jobs/{id}", new { onHold = true, reason = "Customer bringing a stone" });

        await noReason.ReadProblemAsync(HttpStatusCode.BadRequest, "reason");
        var card = await CardAsync(id);
        Assert.Equal(("OnHold", "Customer bringing a stone"), ((string)card["lane"]!, (string)card["holdReason"]!));
    }

    [Fact]
    public async Task AQuoteLineNamesATaskOfThisShopsPriceList()
    {
        var id = (string)(await RepairAsync())["id"]!;
        var before = await app.SnapshotAsync();

        var response = await _client.PutAsJsonAsync($"/api/jobs/{id}/quote", new { lines = new object[] { new { taskId = "t-000000000000", quantity = 1 }, new { quantity = -1 } } });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "lines[0].taskId");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task TheCustomerIsEmailedOnceWithTheInvoiceAndTheStatusLink()
    {
        var id = await ApprovedRepairAsync();
        var job = await ReadyAsync(id);

        var executor = app.Services.GetRequiredService<OperationExecutor>();
        await executor.DrainAsync();

        var operation = await (await _client.GetAsync($"/api/operations/{job["operation"]!["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Succeeded", (string)operation["status"]!);
        var outbox = await (await _client.GetAsync("/api/outbox")).ReadArrayAsync();
        var listed = Assert.Single(outbox, m => (string?)m!["jobId"] == id)!;
        var mail = await (await _client.GetAsync($"/api/outbox/{listed["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Outbox", "mia@customer.test", "pickup"), ((string)mail["status"]!, (string)mail["toAddress"]!, (string)mail["purpose"]!));
        Assert.Equal("Your Ladies 14k band is ready for pickup — test-shop jewelers", (string)mail["subject"]!);
        var text = (string)mail["text"]!;
        Assert.Contains("Balance due at pickup", text);
        Assert.Contains("44.95 USD", text);
        Assert.Contains("-20.00 USD", text);
        Assert.Contains($"http://localhost:7071{job["statusPage"]}", text);
        Assert.DoesNotContain("<script", (string)mail["html"]!, StringComparison.OrdinalIgnoreCase);
        var history = await (await _client.GetAsync($"/api/jobs/{id}/history")).ReadArrayAsync();
        Assert.Contains(history, e => (string)e!["action"]! == "Emailed" && (string)e["to"]! == "mia@customer.test");
    }

    [Fact]
    public async Task ACustomerWithoutEmailIsNotEmailedAndReadyAnswers200()
    {
        var customer = (string)(await (await _client.PostAsJsonAsync("/api/customers", new { name = "Phone Only", phone = "555 0404" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        var id = (string)(await RepairAsync(customer))["id"]!;

        var job = await PostAsync($"/api/jobs/{id}/transitions", new { to = "ReadyForPickup" });

        Assert.Equal("ReadyForPickup", (string)job["status"]!);
        Assert.Null(job["operation"]);
        Assert.DoesNotContain(await (await _client.GetAsync("/api/outbox")).ReadArrayAsync(), m => (string?)m!["jobId"] == id);
    }

    [Fact]
    public async Task CancelingAJobReadyForPickupVoidsItsInvoiceAndTakesItOffTheBoard()
    {
        var id = await ApprovedRepairAsync();
        var invoiceId = (string)(await ReadyAsync(id))["invoice"]!["id"]!;

        var noReason = await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "Canceled" });
        var canceled = await PostAsync($"/api/jobs/{id}/transitions", new { to = "Canceled", reason = "Customer moved away" });

        await noReason.ReadProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.Equal("Canceled", (string)canceled["status"]!);
        Assert.Null(await CardAsync(id));
        var invoice = await app.Services.GetRequiredService<IShopTable>().GetAsync<Invoice>(JewelBenchApp.Shop, Keys.Invoice(invoiceId));
        Assert.Equal(InvoiceStatus.Void, invoice!.Value.Status);
    }

    [Theory]
    [InlineData("NeedsQuote", "InShop")]
    [InlineData("WaitingOnVendor", "InShop")]
    [InlineData("InProgress", "InProgress")]
    [InlineData("Received", "InShop")]
    public async Task EachInShopMoveLandsInItsLane(string status, string lane)
    {
        var id = (string)(await RepairAsync())["id"]!;
        if (status == "Received") await PostAsync($"/api/jobs/{id}/transitions", new { to = "NeedsQuote" });

        var job = await PostAsync($"/api/jobs/{id}/transitions", new { to = status });

        Assert.Equal((status, lane), ((string)job["status"]!, (string)job["lane"]!));
        Assert.Equal(lane, (string)(await CardAsync(id))["lane"]!);
    }

    [Fact]
    public async Task PickupIsItsOwnCommandAndReadyNeedsEveryStageFinished()
    {
        var id = await ApprovedRepairAsync();
        await (await _client.PostAsJsonAsync($"/api/jobs/{id}/stages", new { name = "Polish", cost = 10 })).ReadJsonAsync(HttpStatusCode.Created);
        var before = await app.SnapshotAsync();

        var pickedUp = await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "PickedUp" });
        var ready = await _client.PostAsJsonAsync($"/api/jobs/{id}/transitions", new { to = "ReadyForPickup" });

        await pickedUp.ReadProblemAsync(HttpStatusCode.Conflict);
        var problem = await ready.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Stage Polish is Pending", problem["blockers"]!.AsArray().Select(b => (string)b!));
        Assert.Equal(before, await app.SnapshotAsync());
    }
}
