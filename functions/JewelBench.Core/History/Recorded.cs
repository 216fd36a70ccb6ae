using JewelBench.Core.Jobs;

namespace JewelBench.Core.History;

/// <summary>
/// Base of everything whose changes are kept: each change records an event, numbered per subject,
/// that the store writes in the same transaction as the change itself.
/// </summary>
public abstract class Recorded
{
    private readonly List<HistoryEvent> _pending = [];

    public int Version { get; set; }
    public int HistorySeq { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<HistoryEvent> PendingEvents => _pending;

    /// <summary>Hands the events of this command to the store; a command without events changed nothing.</summary>
    public IReadOnlyList<HistoryEvent> TakeEvents()
    {
        var events = _pending.ToList();
        _pending.Clear();
        return events;
    }

    protected void Record(Change change, string action, string summary,
        string? field = null, string? from = null, string? to = null)
    {
        _pending.Add(new HistoryEvent(++HistorySeq, change.At, change.By, action, summary, field, from, to, change.Reason));
        UpdatedBy = change.By;
        UpdatedAt = change.At;
    }

    protected void Created(Change change)
    {
        CreatedBy = UpdatedBy = change.By;
        CreatedAt = UpdatedAt = change.At;
    }
}
