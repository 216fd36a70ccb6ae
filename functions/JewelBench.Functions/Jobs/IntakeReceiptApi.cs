using JewelBench.Core.Customers;
using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Hosting;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Jobs;

/// <summary>The intake receipt: emailed to the customer whenever staff ask, each time its own email and history event.</summary>
public static class IntakeReceiptApi
{
    public static RouteGroupBuilder MapIntakeReceipt(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{id}/intake-receipt").WithTags("Intake");
        group.MapPost("/", Send);
        return group;
    }

    /// <summary>One transaction: the mail row, the operation that sends it and the job's history event; then 202 while it is sent.</summary>
    private static async Task<IResult> Send(string id, Caller caller, HttpRequest request, JobCommands jobs, IShopTable table,
        Operations operations, TimeProvider clock, IOptions<JewelBenchOptions> options)
    {
        var body = await JsonBody.ReadAsync(request);
        body.ThrowIfInvalid();
        var ct = request.HttpContext.RequestAborted;
        return await jobs.RunStartingAsync(caller, id, request, null, async (job, change) =>
        {
            job.EnsureIntakeReceiptAllowed();
            var customer = job.CustomerId is { } customerId ? await table.GetAsync<Customer>(caller.ShopId, Keys.Customer(customerId), ct) : null;
            if (customer?.Value.Email is not { } address)
                throw new RuleConflictException(
                    $"{customer?.Value.Name ?? job.Customer ?? "The customer"} has no email address: add one to the customer's record to email the intake receipt.");
            var shop = await table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct) ?? throw new NotFoundException("The shop was not found.");

            var message = EmailComposer.Compose(IntakeReceiptEmail.Content(job, shop.Value, options.Value.PublicUrl, caller.ShopId), shop.Value);
            var (mail, operation) = CustomerEmail.Queue(job, operations, clock, IntakeReceiptEmail.Purpose, address, customer.Value.Name,
                message, caller.User);
            job.IntakeReceiptEmailed(address, change);
            return ([mail], operation);
        });
    }
}
