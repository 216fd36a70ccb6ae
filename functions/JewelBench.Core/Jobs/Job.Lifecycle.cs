using JewelBench.Core.Stock;

namespace JewelBench.Core.Jobs;

public sealed partial class Job
{
    /// <summary>
    /// The most separate pieces one close-out makes. The first ones are written in close-out's own transaction and
    /// the close-out operation writes the rest in batches; reopen deletes them all in one transaction (with the job,
    /// its card, events and operations), which bounds the number.
    /// </summary>
    public const int MaxSeparatePieces = 90;

    public static IReadOnlyList<JobStatus> AllowedFrom(JobStatus status) => status switch
    {
        JobStatus.Draft => [JobStatus.InProduction, JobStatus.Canceled],
        JobStatus.InProduction => [JobStatus.Completed, JobStatus.Canceled],
        JobStatus.Completed => [JobStatus.InProduction],
        _ => [],
    };

    public IReadOnlyList<JobStatus> AllowedTransitions => IsCustomerJob ? CustomerAllowedFrom(Status) : AllowedFrom(Status);

    /// <summary>
    /// A plain move between statuses (start, cancel, a customer job between its In Shop statuses, back from Ready for
    /// Pickup); completing, reopening, marking ready and pickup have their own commands.
    /// </summary>
    public void TransitionTo(JobStatus to, Change change)
    {
        EnsureAllowed(to);
        if (to == JobStatus.Completed)
            throw new RuleConflictException("Completing needs the completion form: use complete.", Names(AllowedTransitions));
        if (Status == JobStatus.Completed)
            throw new RuleConflictException("A completed job goes back to production through reopen.", Names(AllowedTransitions));
        if (to == JobStatus.PickedUp)
            throw new RuleConflictException("Pickup records the balance paid: use pickup.", Names(AllowedTransitions));
        if (to == JobStatus.ReadyForPickup)
            throw new RuleConflictException("Marking a job ready for pickup makes its invoice: use the ready-for-pickup command.", Names(AllowedTransitions));
        if (to == JobStatus.Canceled) RequireReason(change);
        LeaveReadyForPickup(change);
        MoveTo(to, change, to == JobStatus.Canceled ? "Canceled" : IsCustomerJob ? "StatusChanged" : "Started");
    }

    /// <summary>Close-out: turns the job into finished inventory carrying its cost as cost basis.</summary>
    public IReadOnlyList<StockItem> Complete(CompletionForm form, int firstStockNumber, Change change)
    {
        if (IsInHouseRepair) throw new InvalidOperationException("An in-house repair completes onto its piece: CompleteRepair.");
        EnsureAllowed(JobStatus.Completed);
        var checks = new Checks();
        var title = checks.Text("title", form.Title, 120, required: false) ?? Description;
        var category = checks.Text("category", form.Category, 60, required: true);
        var vendor = checks.Text("vendor", form.Vendor, 80, required: false) ?? "In-house";
        var location = checks.Text("storageLocation", form.StorageLocation, 60, required: false) ?? Store;
        var quantity = checks.Range("quantity", form.Quantity ?? Quantity, 1, form.SeparateItems ? MaxSeparatePieces : MaxQuantity);
        if (form.RetailPrice is { } retail) checks.Money("retailPrice", retail);
        checks.ThrowIfAny();

        var open = Stages.Where(s => s.IsOpen).Select(s => $"Stage {s.Name} is {s.Status}").ToList();
        if (OnHold) open.Insert(0, "The job is on hold");
        if (open.Count > 0)
            throw new RuleConflictException("Take the job off hold and finish or skip every stage before completing it.", blockers: open);

        var costBasis = JobCosts.Of(this).Total;
        var pieces = form.SeparateItems
            ? Money.Split(costBasis, quantity).Select((cost, i) =>
                StockItem.FromJob(StockItem.FormatId(firstStockNumber + i), null, title, category!, vendor, location, 1, cost, form.RetailPrice, Id, change)).ToList()
            : [StockItem.FromJob(StockItem.FormatId(firstStockNumber), Id, title, category!, vendor, location, quantity, costBasis, form.RetailPrice, Id, change)];

        foreach (var piece in pieces) piece.Photos = [.. Photos.Select(p => p.Id), .. Style?.Images.Select(i => i.Id) ?? []];
        var ids = pieces.Select(p => p.StockId).ToList();
        Completion = new Completion(title, category!, vendor, location, quantity, form.SeparateItems, form.RetailPrice,
            costBasis, ids, change.At, change.By);
        MoveTo(JobStatus.Completed, change, "Completed");
        Record(change, "InventoryCreated", $"Created {string.Join(", ", ids)} at cost basis {costBasis:0.00}", "pieces", null, string.Join(", ", ids));
        return pieces;
    }

    /// <summary>
    /// Undoes close-out: refused, with the reason, while any created piece is reserved or sold.
    /// The caller deletes the pieces in the same transaction.
    /// </summary>
    public IReadOnlyList<string> Reopen(IReadOnlyList<StockItem> pieces, Change change)
    {
        if (Status != JobStatus.Completed)
            throw new RuleConflictException($"Only a completed job can be reopened; this one is {Status}.", Names(AllowedTransitions));
        RequireReason(change);
        var blockers = pieces.Where(p => p.Status != StockStatus.Available).Select(p => $"{p.StockId} is {p.Status}").ToList();
        if (blockers.Count > 0)
            throw new RuleConflictException($"Reopen refused: {string.Join("; ", blockers)}. Release or return those pieces first.", blockers: blockers);

        var removed = Completion?.Pieces ?? [];
        Completion = null;
        MoveTo(JobStatus.InProduction, change, "Reopened");
        if (removed.Count > 0)
            Record(change, "InventoryRemoved", $"Removed {string.Join(", ", removed)}", "pieces", string.Join(", ", removed), null);
        return removed;
    }

    private void MoveTo(JobStatus to, Change change, string action)
    {
        var from = Status;
        Status = to;
        EnterLane(change);
        SyncAllocations();
        Record(change, action, $"{action}: {from} → {to}", "status", from.ToString(), to.ToString());
    }

    private void EnsureAllowed(JobStatus to)
    {
        if (!AllowedTransitions.Contains(to))
            throw new RuleConflictException($"A job that is {Status} cannot move to {to}.", Names(AllowedTransitions));
    }

    private static void RequireReason(Change change)
    {
        if (string.IsNullOrWhiteSpace(change.Reason))
            throw ValidationFailedException.For("reason", "is required: say why.");
    }

    private static IReadOnlyList<string> Names(IEnumerable<JobStatus> statuses) => statuses.Select(s => s.ToString()).ToList();
}
