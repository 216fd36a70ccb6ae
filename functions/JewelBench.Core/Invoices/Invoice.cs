using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Invoices;

public enum InvoiceStatus { Open, Paid, Void }

public sealed record InvoiceLine(string Description, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>
/// What the customer owes for a job: made when the job is marked Ready for Pickup, from its lines at that
/// moment, paid at pickup, voided (never deleted) when the job moves back out of Ready for Pickup.
/// </summary>
public sealed class Invoice : Recorded
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public string? CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public List<InvoiceLine> Lines { get; init; } = [];
    public decimal Subtotal { get; init; }

    /// <summary>The shop's tax rate in percent when the invoice was made.</summary>
    public decimal TaxRate { get; init; }
    public decimal Tax { get; init; }
    public decimal Total { get; init; }
    public decimal DepositApplied { get; init; }

    /// <summary>Total less the deposit; below zero the shop owes the customer the difference.</summary>
    public decimal BalanceDue { get; init; }
    public string Currency { get; init; } = "USD";
    public InvoiceStatus Status { get; set; }

    /// <summary>
    /// Lines from the job's labor, materials and fees and its finished stages; on a customer job their amounts are
    /// what the customer is charged. Tax on the subtotal at the shop's rate; every deposit applied.
    /// </summary>
    public static Invoice ForJob(string id, Job job, decimal taxRate, Change change)
    {
        var lines = job.Items.Select(i => new InvoiceLine(i.Description, i.Quantity, i.UnitCost, i.Cost))
            .Concat(job.Stages.Where(s => s.Status == StageStatus.Done && s.Cost != 0)
                .Select(s => new InvoiceLine(s.Vendor is null ? s.Name : $"{s.Name} ({s.Vendor})", 1, s.Cost, s.Cost)))
            .ToList();
        var subtotal = lines.Sum(l => l.Amount);
        var tax = Money.Round(subtotal * taxRate / 100m);
        var deposit = job.DepositTotal;
        var invoice = new Invoice
        {
            Id = id, JobId = job.Id, CustomerId = job.CustomerId, CustomerName = job.Customer ?? "", Lines = lines,
            Subtotal = subtotal, TaxRate = taxRate, Tax = tax, Total = subtotal + tax, DepositApplied = deposit,
            BalanceDue = subtotal + tax - deposit, Currency = job.Currency, Status = InvoiceStatus.Open,
        };
        invoice.Created(change);
        invoice.Record(change, "Created", $"Invoice {id} for job {job.Id}: total {invoice.Total:0.00}, deposit {deposit:0.00}, balance due {invoice.BalanceDue:0.00}");
        return invoice;
    }

    public void Void(Change change)
    {
        if (Status != InvoiceStatus.Open) throw new RuleConflictException($"Invoice {Id} is {Status} and cannot be voided.");
        Status = InvoiceStatus.Void;
        Record(change, "Voided", $"Invoice {Id} voided", "status", nameof(InvoiceStatus.Open), nameof(InvoiceStatus.Void));
    }

    public void MarkPaid(Payment payment, Change change)
    {
        if (Status != InvoiceStatus.Open) throw new RuleConflictException($"Invoice {Id} is {Status}.");
        Status = InvoiceStatus.Paid;
        Record(change, "Paid", $"Invoice {Id} paid: {payment.Amount:0.00} by {payment.Method}", "status",
            nameof(InvoiceStatus.Open), nameof(InvoiceStatus.Paid));
    }
}
