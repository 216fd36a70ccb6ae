using JewelBench.Core.Jobs;

namespace JewelBench.Core.Board;

/// <summary>What a board card shows. Kept as its own row so the board never reads closed jobs.</summary>
public sealed record BoardCard(string JobId, JobModule Module, string Description, string? Customer, bool Rush,
    string Location, Lane Lane, JobStatus Status, DateTimeOffset CreatedAt, DateTimeOffset LaneSince, string? PhotoId = null,
    string? OperationId = null, string? Item = null, string? HoldReason = null, DateOnly? DueDate = null, int? Stuck = null,
    DateOnly? SnoozedUntil = null, DateOnly? Unclaimed = null)
{
    /// <summary>The card of a job on the board, or null once the job has left it.</summary>
    public static BoardCard? For(Job job) => LaneOf(job) is { } lane
        ? new(job.Id, job.Module, job.Description, job.Customer, job.Rush, LocationOf(job), lane, job.Status, job.CreatedAt, job.LaneSince,
            job.Photos.FirstOrDefault()?.Id, job.OperationId, job.Intake?.Item, job.OnHold ? job.HoldReason : null, job.TargetDate,
            job.Stuck?.Days, job.Snoozed?.Until, job.Unclaimed?.Since)
        : null;

    public static Lane? LaneOf(Job job) => job switch
    {
        { IsClosed: true } => null,
        { OnHold: true } => Lane.OnHold,
        { Status: JobStatus.Draft or JobStatus.Received or JobStatus.NeedsQuote or JobStatus.WaitingOnVendor } => Lane.InShop,
        { Status: JobStatus.ReadyForPickup } => Lane.ReadyForPickup,
        _ => Lane.InProgress,
    };

    /// <summary>
    /// A customer's piece is where it was last moved; a production job is out at the vendor of the stage in
    /// progress, else at the bench of the job's store.
    /// </summary>
    private static string LocationOf(Job job) => job.IsCustomerJob ? job.Location.ToString() :
        job.Stages.FirstOrDefault(s => s.Status == StageStatus.InProgress) is { VendorKind: VendorKind.Outside } stage
            ? $"Out at {stage.Vendor ?? stage.Name}"
            : $"Bench · {job.Store}";

    public int DaysInLane(DateTimeOffset now) => Math.Max(0, (int)(now - LaneSince).TotalDays);

    /// <summary>In a lane: rush first, then newest first.</summary>
    public static IEnumerable<BoardCard> Order(IEnumerable<BoardCard> cards) =>
        cards.OrderByDescending(c => c.Rush).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.JobId, StringComparer.Ordinal);
}
