using JewelBench.Core.Customers;
using JewelBench.Core.Shops;
using JewelBench.Functions.Email;
using JewelBench.Functions.Hosting;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Reminders;

/// <summary>
/// The customer's side of a reminder step for a job Ready for Pickup. It rides on the stuck-reminder timer: that timer
/// already fires at the Ready-for-Pickup threshold and at each escalation, and records its (lapse, step) in the job in
/// one transaction conditional on the job's ETag, so the email written in that same transaction is sent once per step,
/// across restarts and instances, and never after the job moved (pickup, cancel). Steps 0..N-1 email the customer;
/// step N, an escalation interval after the last one, flags the piece unclaimed.
/// </summary>
public sealed class PickupReminder(IShopTable table, Operations operations, IOptions<ReminderOptions> options,
    IOptions<JewelBenchOptions> app)
{
    public const string Purpose = "pickup-reminder";

    public int Limit => options.Value.PickupReminders;

    /// <summary>
    /// Adds to the step's transaction the reminder email (its mail row and the operation that sends it) or the unclaimed
    /// flag; the operation to enqueue after the commit, or null.
    /// </summary>
    public async Task<Operation?> AddAsync(string shopId, Job job, ShopProfile? shop, int step, DateOnly today, Change change,
        List<TableWrite> writes, TimeProvider clock, CancellationToken ct)
    {
        if (job.Status != JobStatus.ReadyForPickup || !job.IsCustomerJob || job.IsInHouseRepair) return null;
        if (step >= Limit)
        {
            job.MarkUnclaimed(today, change);
            return null;
        }
        if (job.PickupRemindersOptedOut is not null || shop is null || job.CustomerId is not { } customerId) return null;
        if (await table.GetAsync<Customer>(shopId, Keys.Customer(customerId), ct) is not { Value: { Email: { Length: > 0 } address } customer })
            return null;

        var number = job.PickupRemindersSent(job.Lapse) + 1;
        var content = PickupReminderEmail.Content(job, shop, app.Value.PublicUrl, shopId, number, Limit);
        var mail = OutboundEmail.Create(clock, job.Id, Purpose, address, customer.Name, EmailComposer.Compose(content, shop), StuckReminder.By);
        var (mailWrite, send) = EmailDelivery.Prepare(mail);
        var operation = operations.New(EmailDelivery.Kind, job.Id, [send], StuckReminder.By);
        job.PickupReminderQueued(job.Lapse, mail.Id, address, change);
        writes.Add(mailWrite);
        writes.Add(Operations.RecordWrite(operation));
        return operation;
    }

    /// <summary>The opt-out link's token: the hash of the status secret, which is the key of its index row, so the link finds the job
    /// without a row of its own and does not give away the status page.</summary>
    public static string? OptOutToken(string shopId, Job job) => job.StatusToken is { } secret ? $"{shopId}.{Keys.Hash(secret)}" : null;

    public static string? OptOutUrl(string publicUrl, string shopId, Job job) =>
        OptOutToken(shopId, job) is { } token ? $"{publicUrl.TrimEnd('/')}/api/reminders/opt-out/{token}" : null;
}
