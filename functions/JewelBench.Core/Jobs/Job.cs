using JewelBench.Core.History;

namespace JewelBench.Core.Jobs;

/// <summary>
/// A job at the bench: its fields, stages and items, and the rules of its lifecycle
/// (Draft → InProduction → Completed, Canceled from the first two, reopen Completed → InProduction).
/// </summary>
public sealed partial class Job : Recorded
{
    public const string DefaultStore = "Main";
    public const int MaxQuantity = 1000;

    public required string Id { get; init; }
    public JobModule Module { get; init; }
    public string Description { get; set; } = "";
    public DateOnly? TargetDate { get; set; }
    public bool Rush { get; set; }
    public string Store { get; set; } = DefaultStore;
    public string? Customer { get; set; }
    public int Quantity { get; set; } = 1;
    public bool OnHold { get; set; }
    public JobStatus Status { get; set; }
    public DateTimeOffset LaneSince { get; set; }
    public int LastLineNo { get; set; }
    public List<Stage> Stages { get; set; } = [];
    public List<JobItem> Items { get; set; } = [];
    public Completion? Completion { get; set; }

    /// <summary>The shop's currency when the job was opened; its amounts stay in it if the shop's changes.</summary>
    public string Currency { get; set; } = "USD";

    public bool IsClosed => Status is JobStatus.Completed or JobStatus.Canceled;

    public static Job Create(string id, NewJob draft, Change change)
    {
        var checks = new Checks();
        var description = checks.Text("description", draft.Description, 200, required: true);
        var store = checks.Text("store", draft.Store, 60, required: false) ?? DefaultStore;
        var customer = checks.Text("customer", draft.Customer, 100, required: false);
        var quantity = checks.Range("quantity", draft.Quantity, 1, MaxQuantity);
        checks.ThrowIfAny();

        var job = new Job
        {
            Id = id, Module = draft.Module, Description = description!, TargetDate = draft.TargetDate,
            Rush = draft.Rush, Store = store, Customer = customer, Quantity = quantity,
            Status = JobStatus.Draft, LaneSince = change.At,
        };
        job.Created(change);
        job.Record(change, "Created", $"Job {id} created: {description}");
        return job;
    }

    public void Edit(JobEdits edits, Change change)
    {
        EnsureOpen("edited");
        var checks = new Checks();
        var description = edits.Description.HasValue ? checks.Text("description", edits.Description.Value, 200, true) : Description;
        var store = edits.Store.HasValue ? checks.Text("store", edits.Store.Value, 60, false) ?? DefaultStore : Store;
        var customer = edits.Customer.HasValue ? checks.Text("customer", edits.Customer.Value, 100, false) : Customer;
        var quantity = edits.Quantity.HasValue ? checks.Range("quantity", edits.Quantity.Value, 1, MaxQuantity) : Quantity;
        checks.ThrowIfAny();

        if (Items.Count > 0 && (store != Store || customer != Customer))
            throw new RuleConflictException("Customer and store are locked once the job has items: remove all items to change them.");
        if (quantity != Quantity && Status != JobStatus.Draft)
            throw new RuleConflictException("Quantities are fixed once the job is in production.");

        Set(change, "description", Description, description!, v => Description = v);
        Set(change, "targetDate", TargetDate, edits.TargetDate.HasValue ? edits.TargetDate.Value : TargetDate, v => TargetDate = v);
        Set(change, "rush", Rush, edits.Rush.HasValue ? edits.Rush.Value : Rush, v => Rush = v);
        Set(change, "store", Store, store, v => Store = v);
        Set(change, "customer", Customer, customer, v => Customer = v);
        Set(change, "quantity", Quantity, quantity, v => Quantity = v);
        Set(change, "onHold", OnHold, edits.OnHold.HasValue ? edits.OnHold.Value : OnHold, v =>
        {
            OnHold = v;
            LaneSince = change.At;
        });
    }

    private void Set<T>(Change change, string field, T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value)) return;
        assign(value);
        Record(change, "Edited", $"{field} changed", field, Show(current), Show(value));
    }

    private static string? Show<T>(T value) => value switch
    {
        null => null,
        bool b => b ? "yes" : "no",
        DateOnly d => d.ToString("yyyy-MM-dd"),
        decimal m => m.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private void EnsureOpen(string what)
    {
        if (IsClosed)
            throw new RuleConflictException(Status == JobStatus.Completed
                ? $"A completed job cannot be {what}: reopen it first."
                : $"A canceled job cannot be {what}.");
    }

    private string NextLineId(string prefix) => $"{prefix}{++LastLineNo}";
}
