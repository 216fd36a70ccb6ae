using JewelBench.Core.History;

namespace JewelBench.Functions.Storage;

public static class RecordedWrites
{
    /// <summary>The history rows of the events a command recorded, for the same transaction as the change.</summary>
    public static IEnumerable<TableWrite> History(string subjectId, IEnumerable<HistoryEvent> events) =>
        events.Select(e => new TableWrite.Insert(Keys.History(subjectId, e.Seq), e));

    /// <summary>A new row and its history so far.</summary>
    public static IEnumerable<TableWrite> Insert(string rowKey, string subjectId, Recorded value) =>
        History(subjectId, value.TakeEvents()).Prepend(new TableWrite.Insert(rowKey, value));
}
