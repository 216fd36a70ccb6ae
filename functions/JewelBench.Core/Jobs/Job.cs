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

    public bool IsClosed => Status is JobStatus.Completed or JobStatus.Canceled or JobStatus.PickedUp;

    /// <summary>Not yet done by the day it was promised for (today is the shop's own calendar day); a piece waiting for pickup is done.</summary>
    public bool IsOverdue(DateOnly today) => !IsClosed && Status != JobStatus.ReadyForPickup && TargetDate < today;

    public static Job Create(string id, NewJob draft, Change change)
    {
        var checks = new Checks();
        var description = checks.Text("description", draft.Description, 200, required: true);
        var store = checks.Text("store", draft.Store, 60, required: false) ?? DefaultStore;
        var customer = checks.Text("customer", draft.Customer, 100, required: false);
        var quantity = checks.Range("quantity", draft.Quantity, 1, MaxQuantity);
        var customerJob = draft.Module != JobModule.Production;
        var inHouse = draft.RepairOf is not null;
        if (inHouse && draft.Module != JobModule.Repair) checks.Fail("stockId", "only a repair can be of an in-house piece.");
        if (inHouse && draft.CustomerId is not null) checks.Fail("stockId", "an in-house repair has no customer: give a customer or a StockID, not both.");
        if (customerJob && !inHouse && (draft.CustomerId is null || customer is null)) checks.Fail("customerId", "is required for a repair or custom job (or a stockId for an in-house piece).");
        var intake = customerJob ? CheckIntake(checks, draft.Intake ?? new NewIntake(null, null, null, null)) : null;
        if (customerJob && quantity != 1) checks.Fail("quantity", "a repair or custom job is one piece.");
        checks.ThrowIfAny();

        var job = new Job
        {
            Id = id, Module = draft.Module, Description = description!, TargetDate = draft.TargetDate,
            Rush = draft.Rush, Store = store, Customer = customer, Quantity = quantity,
            Status = customerJob ? JobStatus.Received : JobStatus.Draft, LaneSince = change.At,
            CustomerId = customerJob ? draft.CustomerId : null, Intake = intake, RepairOf = draft.RepairOf,
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
        var intake = edits.Intake.HasValue && IsCustomerJob ? CheckIntake(checks, Merge(edits.Intake.Value)) : Intake;
        if (edits.Intake.HasValue && !IsCustomerJob) checks.Fail("intake", "only a repair or custom job has an intake.");
        if (IsCustomerJob && customer != Customer) checks.Fail("customer", "of a repair or custom job is its customer record.");
        if (IsCustomerJob && quantity != Quantity) checks.Fail("quantity", "a repair or custom job is one piece.");
        var holding = edits.OnHold.HasValue && edits.OnHold.Value && !OnHold;
        if (holding && IsCustomerJob && change.Reason is null) checks.Fail("reason", "is required: say why the job is on hold.");
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
        Set(change, "item", Intake?.Item, intake?.Item, _ => Intake = intake);
        Set(change, "metal", Intake?.Metal, intake?.Metal, _ => Intake = intake);
        Set(change, "stones", Intake?.Stones, intake?.Stones, _ => Intake = intake);
        Set(change, "condition", Intake?.Condition, intake?.Condition, _ => Intake = intake);
        Set(change, "onHold", OnHold, edits.OnHold.HasValue ? edits.OnHold.Value : OnHold, v =>
        {
            OnHold = v;
            HoldReason = v ? change.Reason : null;
            EnterLane(change);
        });
    }

    /// <summary>Intake fields left out of an edit keep their value; an empty one clears it.</summary>
    private NewIntake Merge(NewIntake edit) => new(edit.Item ?? Intake?.Item, edit.Metal ?? Intake?.Metal,
        edit.Stones ?? Intake?.Stones, edit.Condition ?? Intake?.Condition);

    private static Intake CheckIntake(Checks checks, NewIntake intake) => new(
        checks.Text("item", intake.Item, 120, required: true) ?? "",
        checks.Text("metal", intake.Metal, 60, required: false),
        checks.Text("stones", intake.Stones, 200, required: false),
        checks.Text("condition", intake.Condition, 1000, required: false));

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
                : $"A {(Status == JobStatus.PickedUp ? "picked-up" : "canceled")} job cannot be {what}.");
    }

    private string NextLineId(string prefix) => $"{prefix}{++LastLineNo}";
}
