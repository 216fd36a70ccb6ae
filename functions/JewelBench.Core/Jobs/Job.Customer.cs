using System.Globalization;
using JewelBench.Core.Invoices;
using JewelBench.Core.Stock;

namespace JewelBench.Core.Jobs;

/// <summary>Repairs and custom jobs: the customer's piece, where it is, the estimate, deposits, the invoice and pickup.</summary>
public sealed partial class Job
{
    private static readonly JobStatus[] InShopStatuses = [JobStatus.Received, JobStatus.NeedsQuote, JobStatus.WaitingOnVendor, JobStatus.InProgress];

    public string? CustomerId { get; set; }
    public Intake? Intake { get; set; }
    public string? HoldReason { get; set; }
    public PieceLocation Location { get; set; } = PieceLocation.Bench;
    public Quote Quote { get; set; } = new();
    public List<Payment> Payments { get; set; } = [];

    /// <summary>
    /// The open or paid invoice. Its own row (written with the job) keeps it, and a voided one, with its history.
    /// </summary>
    public Invoice? Invoice { get; set; }

    /// <summary>The secret of the customer's status page link; staff may see it, the customer holds it.</summary>
    public string? StatusToken { get; set; }

    public bool IsCustomerJob => Module != JobModule.Production;

    /// <summary>An in-house repair: the shop's own piece, whose cost basis takes the repair's cost instead of a pickup.</summary>
    public string? RepairOf { get; set; }

    /// <summary>What completing an in-house repair added to its piece's cost basis; reopening takes exactly that off again.</summary>
    public RepairCostRoll? CostRolled { get; set; }

    public bool IsInHouseRepair => RepairOf is not null;
    public decimal DepositTotal => Payments.Where(p => p.Kind == PaymentKind.Deposit).Sum(p => p.Amount);

    /// <summary>A customer's piece ends at pickup; an in-house piece ends Completed, back in stock, and can be reopened.</summary>
    private IReadOnlyList<JobStatus> CustomerAllowedFrom(JobStatus status) => status switch
    {
        _ when InShopStatuses.Contains(status) =>
            [.. InShopStatuses.Where(s => s != status), IsInHouseRepair ? JobStatus.Completed : JobStatus.ReadyForPickup, JobStatus.Canceled],
        JobStatus.ReadyForPickup => [.. InShopStatuses, JobStatus.PickedUp, JobStatus.Canceled],
        JobStatus.Completed => [JobStatus.InProgress],
        _ => [],
    };

    /// <summary>Finishes an in-house repair: its cost goes onto the piece's cost basis, written in the same transaction.</summary>
    public void CompleteRepair(StockItem piece, Change change)
    {
        if (piece.StockId != RepairOf) throw new InvalidOperationException($"Job {Id} repairs {RepairOf}, not {piece.StockId}.");
        EnsureAllowed(JobStatus.Completed);
        if (OnHold) throw new RuleConflictException("Take the job off hold before completing it.");
        var open = Stages.Where(s => s.IsOpen).Select(s => $"Stage {s.Name} is {s.Status}").ToList();
        if (open.Count > 0) throw new RuleConflictException("Finish or skip every stage before completing the repair.", blockers: open);
        var cost = JobCosts.Of(this).Total;
        piece.AddRepairCost(cost, Id, change);
        CostRolled = new RepairCostRoll(piece.StockId, cost, change.At, change.By);
        MoveTo(JobStatus.Completed, change, "Completed");
        Record(change, "CostRolled", $"Repair cost {FormatMoney(cost)} added to {piece.StockId}'s cost basis", "costBasis", null, FormatMoney(cost));
    }

    /// <summary>Undoes exactly what completing did: the same amount comes off the piece's cost basis, and the job is open again.</summary>
    public void ReopenRepair(StockItem piece, Change change)
    {
        if (Status != JobStatus.Completed || CostRolled is not { } rolled)
            throw new RuleConflictException($"Only a completed repair can be reopened; this one is {Status}.", Names(AllowedTransitions));
        RequireReason(change);
        if (piece.Status == StockStatus.Sold)
            throw new RuleConflictException($"Reopen refused: {piece.StockId} is Sold, so its cost is settled.", blockers: [$"{piece.StockId} is Sold"]);
        piece.RemoveRepairCost(rolled.Amount, Id, change);
        CostRolled = null;
        MoveTo(JobStatus.InProgress, change, "Reopened");
        Record(change, "CostRemoved", $"Repair cost {FormatMoney(rolled.Amount)} taken off {piece.StockId}'s cost basis", "costBasis", FormatMoney(rolled.Amount), null);
    }

    /// <summary>Marks the job ready and makes its invoice; the invoice row is written in the same transaction.</summary>
    public Invoice MarkReadyForPickup(string invoiceId, decimal taxRate, Change change)
    {
        EnsureAllowed(JobStatus.ReadyForPickup);
        if (OnHold) throw new RuleConflictException("Take the job off hold before marking it ready for pickup.");
        var open = Stages.Where(s => s.IsOpen).Select(s => $"Stage {s.Name} is {s.Status}").ToList();
        if (open.Count > 0)
            throw new RuleConflictException("Finish or skip every stage before marking the job ready for pickup.", blockers: open);
        var invoice = Invoice.ForJob(invoiceId, this, taxRate, change);
        Invoice = invoice;
        MoveTo(JobStatus.ReadyForPickup, change, "ReadyForPickup");
        Record(change, "Invoiced", $"Invoice {invoice.Id}: balance due {FormatMoney(invoice.BalanceDue)}", "invoice", null, invoice.Id);
        return invoice;
    }

    /// <summary>Records the balance paid and closes the job.</summary>
    public Payment PickUp(decimal amount, PaymentMethod method, Change change)
    {
        if (Status != JobStatus.ReadyForPickup || Invoice is not { } invoice)
            throw new RuleConflictException($"Only a job that is ready for pickup can be picked up; this one is {Status}.", Names(AllowedTransitions));
        var due = Math.Max(0, invoice.BalanceDue);
        var checks = new Checks();
        checks.Money("amount", amount);
        if (amount != due) checks.Fail("amount", $"must be the balance due, {FormatMoney(due)}.");
        checks.ThrowIfAny();
        var payment = new Payment(NextLineId("pay"), PaymentKind.Balance, amount, method, change.At, change.By);
        Payments.Add(payment);
        invoice.MarkPaid(payment, change);
        MoveTo(JobStatus.PickedUp, change, "PickedUp");
        Record(change, "Paid", $"Balance {FormatMoney(amount)} paid by {method}", "payment", null, payment.Id);
        return payment;
    }

    public Payment TakeDeposit(decimal amount, PaymentMethod method, Change change)
    {
        EnsureCustomerJob("takes deposits");
        EnsureOpen("given a deposit");
        if (Status == JobStatus.ReadyForPickup)
            throw new RuleConflictException("The invoice is made: take the balance at pickup.");
        var checks = new Checks();
        checks.Money("amount", amount);
        if (amount <= 0) checks.Fail("amount", "must be greater than zero.");
        checks.ThrowIfAny();
        var payment = new Payment(NextLineId("pay"), PaymentKind.Deposit, amount, method, change.At, change.By);
        Payments.Add(payment);
        Record(change, "Deposit", $"Deposit {FormatMoney(amount)} taken by {method}", "deposit", null, FormatMoney(amount));
        return payment;
    }

    /// <summary>An email to the customer was queued in this command's transaction: the history says what went to whom.</summary>
    public void EmailQueued(string what, string address, Change change) =>
        Record(change, "Emailed", $"{what} email queued to {address}", "email", null, address);

    /// <summary>Moves the piece between bench, safe and vendors; every move is in the history, so "where is it?" has an answer.</summary>
    public void MovePiece(Place place, string? vendor, Change change)
    {
        EnsureOpen("moved");
        var checks = new Checks();
        var name = checks.Text("vendor", vendor, 80, required: place == Place.Vendor);
        checks.ThrowIfAny();
        var to = new PieceLocation(place, place == Place.Vendor ? name : null);
        if (to == Location) return;
        var from = Location;
        Location = to;
        Record(change, "Moved", $"Piece moved: {from} → {to}", "location", from.ToString(), to.ToString());
    }

    public void SetQuote(IReadOnlyList<NewQuoteLine> lines, Change change)
    {
        EnsureCustomerJob("has an estimate");
        EnsureOpen("quoted");
        if (Quote.Approval is not null)
            throw new RuleConflictException("The estimate was approved and is kept as approved: add further work as job lines.");
        var checks = new Checks();
        if (lines.Count > 50) checks.Fail("lines", "at most 50 lines.");
        var made = new List<QuoteLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var description = checks.Text($"lines[{i}].description", line.Description, 200, required: true);
            var quantity = checks.Amount($"lines[{i}].quantity", line.Quantity, positive: true);
            var price = checks.Money($"lines[{i}].unitPrice", line.UnitPrice ?? 0);
            if (line.UnitPrice is null) checks.Fail($"lines[{i}].unitPrice", "is required.");
            made.Add(new QuoteLine($"q{i + 1}", line.TaskId, description ?? "", quantity, price));
        }
        checks.ThrowIfAny();
        var before = FormatMoney(Quote.Total);
        Quote.Lines = made;
        Record(change, "Quoted", $"Estimate set: {made.Count} line(s), total {FormatMoney(Quote.Total)}", "quote", before, FormatMoney(Quote.Total));
    }

    /// <summary>The customer's approval; the approved lines become the job's charges, so the invoice carries them.</summary>
    public void ApproveQuote(ApprovalChannel how, string? approvedBy, string? note, Change change)
    {
        EnsureCustomerJob("has an estimate");
        EnsureOpen("approved");
        if (Quote.Lines.Count == 0) throw new RuleConflictException("The estimate has no lines to approve.");
        if (Quote.Approval is not null) throw new RuleConflictException("The estimate is approved already.");
        var checks = new Checks();
        var who = checks.Text("approvedBy", approvedBy, 100, required: true);
        var text = checks.Text("note", note, 500, required: false);
        checks.ThrowIfAny();
        Quote.Approval = new QuoteApproval(how, who!, text, change.At, change.By);
        // The agreed price of each line is a charge of its own (a fee), whatever hours or materials it takes at the bench.
        foreach (var line in Quote.Lines)
            Items.Add(new JobItem
            {
                Id = NextLineId("i"), Kind = ItemKind.Fee, Quantity = 1, Unit = "fee", UnitCost = line.Amount,
                Description = line.Quantity == 1 ? line.Description : $"{line.Description} × {line.Quantity:0.###} @ {FormatMoney(line.UnitPrice)}",
            });
        Record(change, "QuoteApproved", $"Estimate {FormatMoney(Quote.Total)} approved by {who} ({how})", "quote", null, FormatMoney(Quote.Total));
    }

    /// <summary>Leaving Ready for Pickup (back to work, or canceled) voids the invoice made there.</summary>
    private void LeaveReadyForPickup(Change change)
    {
        if (Status != JobStatus.ReadyForPickup || Invoice is null) return;
        Invoice.Void(change);
        Record(change, "InvoiceVoided", $"Invoice {Invoice.Id} voided", "invoice", Invoice.Id, null);
        Invoice = null;
    }

    private void EnsureCustomerJob(string what)
    {
        if (!IsCustomerJob) throw new RuleConflictException($"Only a repair or custom job {what}.");
    }

    private static string FormatMoney(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
