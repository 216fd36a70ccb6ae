using JewelBench.Core.Customers;
using JewelBench.Core.Pricing;
using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Hosting;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Jobs;

/// <summary>Repairs and custom jobs: the estimate and its approval, deposits, where the piece is, ready for pickup, pickup.</summary>
public static class CustomerJobApi
{
    public static RouteGroupBuilder MapCustomerJobs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{id}").WithTags("Customer jobs");
        group.MapPut("/quote", SetQuote);
        group.MapPost("/quote/approve", ApproveQuote);
        group.MapPost("/deposits", TakeDeposit);
        group.MapPost("/location", MovePiece);
        group.MapPost("/pickup", PickUp);
        return group;
    }

    /// <summary>Lines from the price list take its name and price unless the line says otherwise; others are free-form.</summary>
    private static async Task<IResult> SetQuote(string id, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("lines");
        var lines = body.Objects("lines", 50).Select(l => (TaskId: l.Text("taskId"), Line: l)).ToList();
        var asked = lines.Select(l => (l.TaskId, Description: l.Line.Text("description"), Quantity: l.Line.Decimal("quantity") ?? 1,
            UnitPrice: l.Line.Decimal("unitPrice"))).ToList();
        var reason = body.Text("reason");
        body.ThrowIfInvalid();

        var ct = request.HttpContext.RequestAborted;
        var tasks = new Dictionary<string, RepairTask>();
        foreach (var (taskId, index) in asked.Select((l, i) => (l.TaskId, i)).Where(l => l.TaskId is not null))
        {
            var task = await table.GetAsync<RepairTask>(caller.ShopId, Keys.RepairTask(taskId!), ct)
                ?? throw ValidationFailedException.For($"lines[{index}].taskId", $"{taskId} is not on the price list.");
            tasks[taskId!] = task.Value;
        }
        var quote = asked.Select(l => l.TaskId is { } t
            ? new NewQuoteLine(t, l.Description ?? tasks[t].Name, l.Quantity, l.UnitPrice ?? tasks[t].Price)
            : new NewQuoteLine(null, l.Description, l.Quantity, l.UnitPrice)).ToList();
        return await jobs.RunAsync(caller, id, request, reason, (job, change) => job.SetQuote(quote, change));
    }

    private static async Task<IResult> ApproveQuote(string id, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("how");
        var (how, approvedBy, note) = (body.Enum<ApprovalChannel>("how"), body.Text("approvedBy"), body.Text("note"));
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, null, (job, change) => job.ApproveQuote(how!.Value, approvedBy, note, change));
    }

    private static async Task<IResult> TakeDeposit(string id, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("amount");
        body.Require("method");
        var (amount, method) = (body.Decimal("amount"), body.Enum<PaymentMethod>("method"));
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, null, (job, change) => job.TakeDeposit(amount!.Value, method!.Value, change));
    }

    private static async Task<IResult> MovePiece(string id, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("place");
        var (place, vendor, reason) = (body.Enum<Place>("place"), body.Text("vendor"), body.Text("reason"));
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, reason, (job, change) => job.MovePiece(place!.Value, vendor, change));
    }

    private static async Task<IResult> PickUp(string id, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("amount");
        body.Require("method");
        var (amount, method) = (body.Decimal("amount"), body.Enum<PaymentMethod>("method"));
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, null, (job, change) => job.PickUp(amount!.Value, method!.Value, change));
    }

    /// <summary>
    /// One transaction: the job, its invoice (numbered from the shop's invoice counter, taxed at the shop's rate),
    /// their history and, when the customer has an email address, the pickup email and the operation that sends it;
    /// then 202 while it is sent.
    /// </summary>
    public static async Task<IResult> MarkReadyForPickup(string id, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table,
        string? reason)
    {
        var services = request.HttpContext.RequestServices;
        return await jobs.RunStartingAsync(caller, id, request, reason, async (job, change) =>
        {
            var ct = request.HttpContext.RequestAborted;
            var shop = await table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct) ?? throw new NotFoundException("The shop was not found.");
            var (last, advance) = await Counters.ReadAsync(table, caller.ShopId, "invoice", ct);
            var invoice = job.MarkReadyForPickup($"INV-{last + 1:D4}", shop.Value.TaxRate, change);
            var customer = job.CustomerId is { } customerId ? await table.GetAsync<Customer>(caller.ShopId, Keys.Customer(customerId), ct) : null;
            // Only a customer with an email address leaves work to do after the transaction.
            if (customer?.Value.Email is not { } address) return ([advance(1)], null);

            var publicUrl = services.GetRequiredService<IOptions<JewelBenchOptions>>().Value.PublicUrl;
            var message = EmailComposer.Compose(PickupEmail.Content(job, invoice, shop.Value, publicUrl, caller.ShopId), shop.Value);
            var (mail, operation) = CustomerEmail.Queue(job, services.GetRequiredService<Operations>(), services.GetRequiredService<TimeProvider>(),
                "pickup", address, customer.Value.Name, message, caller.User);
            job.EmailQueued("Pickup", address, change);
            return ([advance(1), mail], operation);
        });
    }
}
