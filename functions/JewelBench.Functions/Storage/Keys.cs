namespace JewelBench.Functions.Storage;

/// <summary>
/// The RowKey scheme of a shop's partition. The typed prefix keeps each kind of row in its own
/// range, so one range query reads, say, every board card and nothing else.
/// </summary>
public static class Keys
{
    public static string Job(string jobId) => $"job|{jobId}";
    public const string JobPrefix = "job|";

    public static string Card(string jobId) => $"card|{jobId}";
    public const string CardPrefix = "card|";

    public static string Stock(string stockId) => $"stock|{stockId}";

    public static string History(string subjectId, int seq) => $"hist|{subjectId}|{seq:D6}";
    public static string HistoryPrefix(string subjectId) => $"hist|{subjectId}|";

    public static string Counter(string name) => $"counter|{name}";
}
