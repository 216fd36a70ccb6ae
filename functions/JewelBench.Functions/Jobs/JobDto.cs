using JewelBench.Core.Board;
using JewelBench.Core.Invoices;
using JewelBench.Functions.Status;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Jobs;

public sealed record JobDto(string Id, JobModule Module, string Description, DateOnly? TargetDate, bool Rush,
    string Store, string? Customer, int Quantity, bool OnHold, JobStatus Status, Lane? Lane, int Version,
    string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt, DateTimeOffset LaneSince,
    IReadOnlyList<StageDto> Stages, IReadOnlyList<ItemDto> Items, JobCosts Costs, string Currency,
    Completion? Completion, IReadOnlyList<JobStatus> AllowedTransitions, IReadOnlyList<JobPhoto> Photos,
    OperationsApi.OperationDto? Operation, string? CustomerId, Intake? Intake, string? HoldReason, PieceLocation? Location,
    QuoteDto? Quote, IReadOnlyList<Payment> Payments, decimal DepositTotal, Invoice? Invoice, string? StatusPage,
    string? RepairOf, RepairCostRoll? CostRolled, SignatureDto? Signature, JobStyle? Style, ProcessRef? Process, StuckMark? Stuck,
    Snooze? Snoozed, UnclaimedMark? Unclaimed = null, int PickupNotices = 0, DateTimeOffset? PickupRemindersOptedOut = null);

/// <summary>The blob name stays on the server: the image is read through GET /api/jobs/{id}/signature.</summary>
public sealed record SignatureDto(int Bytes, string TakenBy, DateTimeOffset TakenAt);

public sealed record QuoteLineDto(string Id, string? TaskId, string Description, decimal Quantity, decimal UnitPrice, decimal Amount);

public sealed record QuoteDto(IReadOnlyList<QuoteLineDto> Lines, decimal Total, QuoteApproval? Approval);

/// <summary>A stage as the job page shows it, with the summary of what went in, came out and was lost.</summary>
public sealed record StageDto(string Id, string Name, string? Vendor, VendorKind VendorKind, decimal Cost, DateOnly? DueDate,
    StageStatus Status, string? Notes, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, decimal? MetalIn, decimal? MetalOut,
    IReadOnlyList<StageRecord> Records, StageSummary Summary)
{
    public static StageDto Of(Stage s) => new(s.Id, s.Name, s.Vendor, s.VendorKind, s.Cost, s.DueDate, s.Status, s.Notes, s.StartedAt,
        s.FinishedAt, s.MetalIn, s.MetalOut, s.Records, StageSummary.Of(s));
}

public sealed record ItemDto(string Id, ItemKind Kind, string Description, decimal Quantity, string Unit, decimal UnitCost, decimal Cost,
    string? MaterialId, Allocation? Allocation);

public sealed record JobSummary(string Id, JobModule Module, string Description, string? Customer, JobStatus Status,
    bool Rush, string Store, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, decimal Total, string? Item,
    string? CustomerId, DateOnly? TargetDate, Lane? Lane, bool Overdue);

public static class JobMappings
{
    /// <summary>The job as the API shows it, with the progress of its last close-out or reopen when that is known.</summary>
    public static JobDto ToDto(this Job job, string shopId, Operation? operation = null) => new(job.Id, job.Module, job.Description,
        job.TargetDate, job.Rush, job.Store, job.Customer, job.Quantity, job.OnHold, job.Status, BoardCard.LaneOf(job),
        job.Version, job.CreatedBy, job.CreatedAt, job.UpdatedBy, job.UpdatedAt, job.LaneSince, job.Stages.Select(StageDto.Of).ToList(),
        job.Items.Select(i => new ItemDto(i.Id, i.Kind, i.Description, i.Quantity, i.Unit, i.UnitCost, i.Cost, i.MaterialId, i.Allocation)).ToList(),
        JobCosts.Of(job), job.Currency, job.Completion, job.AllowedTransitions, job.Photos,
        operation is null ? null : OperationsApi.ToDto(operation), job.CustomerId, job.Intake, job.HoldReason,
        job.IsCustomerJob ? job.Location : null,
        job.IsCustomerJob ? new QuoteDto(job.Quote.Lines.Select(l => new QuoteLineDto(l.Id, l.TaskId, l.Description, l.Quantity, l.UnitPrice, l.Amount)).ToList(),
            job.Quote.Total, job.Quote.Approval) : null,
        job.Payments, job.DepositTotal, job.Invoice, StatusLinks.Path(shopId, job), job.RepairOf, job.CostRolled,
        job.Signature is { } s ? new SignatureDto(s.Bytes, s.TakenBy, s.TakenAt) : null, job.Style, job.Process,
        job.Stuck, job.Snoozed, job.Unclaimed, job.PickupNotices.Count, job.PickupRemindersOptedOut);

    /// <summary>A row of the list view; overdue is judged against the shop's today.</summary>
    public static JobSummary ToSummary(this Job job, DateOnly today) => new(job.Id, job.Module, job.Description, job.Customer,
        job.Status, job.Rush, job.Store, job.CreatedAt, job.UpdatedAt, JobCosts.Of(job).Total, job.Intake?.Item,
        job.CustomerId, job.TargetDate, BoardCard.LaneOf(job), job.IsOverdue(today));
}
