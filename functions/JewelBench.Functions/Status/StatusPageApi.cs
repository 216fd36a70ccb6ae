using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;
using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Status;

/// <summary>
/// The customer's status page: read-only, no sign-in, reached only by the job's status token. A wrong token, or one
/// whose job closed more than the configured days ago, is answered exactly like a job that does not exist.
/// </summary>
public static class StatusPageApi
{
    private const string Invalid = "This status link is not valid or has expired. Please contact the shop.";

    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/status/{token}").WithTags("Status page").AllowAnonymous();
        group.MapGet("/", Get).RequireRateLimiting(Policies.SignInLimit);
        group.MapGet("/photos/{photoId}", Photo);
        return routes;
    }

    public sealed record StatusShop(string Name, string Address);

    public sealed record StatusJob(string Id, JobModule Module, string Description, string? Item, JobStatus Status, string StatusLabel,
        DateOnly? PromisedDate, bool Ready, bool Rush);

    public sealed record StatusBalance(decimal Total, decimal DepositApplied, decimal BalanceDue, string Currency, bool Paid);

    public sealed record StatusPage(StatusShop Shop, StatusJob Job, IReadOnlyList<string> Photos, StatusBalance? Balance);

    private static async Task<IResult> Get(string token, HttpContext http, IShopTable table, TimeProvider clock,
        IOptions<JewelBenchOptions> options, CancellationToken ct)
    {
        if (await FindAsync(token, table, clock, options.Value, ct) is not var (shopId, job)) return Answers.NotFound(Invalid);
        var shop = (await table.GetAsync<ShopProfile>(shopId, Keys.Shop, ct))!.Value;
        var invoice = job.Invoice;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new StatusPage(new StatusShop(shop.Name, shop.Address),
            new StatusJob(job.Id, job.Module, job.Description, job.Intake?.Item, job.Status, Label(job.Status), job.TargetDate,
                job.Status == JobStatus.ReadyForPickup, job.Rush),
            job.Photos.Select(p => p.Id).ToList(),
            invoice is null ? null : new StatusBalance(invoice.Total, invoice.DepositApplied, Math.Max(0, invoice.BalanceDue), invoice.Currency,
                invoice.Status == Core.Invoices.InvoiceStatus.Paid)));
    }

    private static async Task<IResult> Photo(string token, string photoId, HttpContext http, IShopTable table, IBlobStore blobs,
        TimeProvider clock, IOptions<JewelBenchOptions> options, CancellationToken ct)
    {
        if (await FindAsync(token, table, clock, options.Value, ct) is not var (shopId, job)
            || job.Photos.Find(p => p.Id == photoId) is not { } photo
            || await blobs.GetAsync(BlobNames.JobPhoto(shopId, job.Id, photo.Id), ct) is not { } image)
            return Answers.NotFound(Invalid);
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(image.Content, photo.ContentType);
    }

    private static async Task<(string ShopId, Job Job)?> FindAsync(string token, IShopTable table, TimeProvider clock,
        JewelBenchOptions options, CancellationToken ct)
    {
        if (StatusLinks.Parse(token) is not var (shopId, secret)) return null;
        if (await table.GetAsync<StatusLink>(shopId, Keys.StatusToken(secret), ct) is not { } link) return null;
        if (await table.GetAsync<Job>(shopId, Keys.Job(link.Value.JobId), ct) is not { Value: var job } || job.StatusToken != secret) return null;
        var expired = job.IsClosed && clock.GetUtcNow() - job.LaneSince > TimeSpan.FromDays(options.StatusLinkDaysAfterClose);
        return expired ? null : (shopId, job);
    }

    private static string Label(JobStatus status) => status switch
    {
        JobStatus.Received => "Received",
        JobStatus.NeedsQuote => "Estimate being prepared",
        JobStatus.WaitingOnVendor => "Waiting on a supplier",
        JobStatus.InProgress => "In progress at the bench",
        JobStatus.ReadyForPickup => "Ready for pickup",
        JobStatus.PickedUp => "Picked up",
        JobStatus.Canceled => "Canceled",
        _ => status.ToString(),
    };
}
