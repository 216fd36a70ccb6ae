namespace JewelBench.Core.History;

/// <summary>One recorded change: what changed from what to what, by whom, when and why.</summary>
public sealed record HistoryEvent(
    int Seq,
    DateTimeOffset At,
    string By,
    string Action,
    string Summary,
    string? Field = null,
    string? From = null,
    string? To = null,
    string? Reason = null);
