using System.Security.Cryptography;
using System.Text;

namespace JewelBench.Functions.Storage;

/// <summary>
/// The RowKey scheme of a shop's partition. The typed prefix keeps each kind of row in its own
/// range, so one range query reads, say, every board card and nothing else.
/// </summary>
public static class Keys
{
    public static string Job(string jobId) => $"job|{Id(jobId)}";
    public const string JobPrefix = "job|";

    public static string Card(string jobId) => $"card|{Id(jobId)}";
    public const string CardPrefix = "card|";

    public static string Stock(string stockId) => $"stock|{Id(stockId)}";
    public const string StockPrefix = "stock|";

    public static string History(string subjectId, int seq) => $"hist|{Id(subjectId)}|{seq:D6}";
    public static string HistoryPrefix(string subjectId) => $"hist|{Id(subjectId)}|";

    public static string Counter(string name) => $"counter|{name}";

    public static string Operation(string operationId) => $"op|{Id(operationId)}";
    public const string OperationPrefix = "op|";

    /// <summary>An outbound email; its id starts with inverted ticks, so the range reads newest first.</summary>
    public static string Mail(string mailId) => $"mail|{Id(mailId)}";
    public const string MailPrefix = "mail|";

    public const string Shop = "shop";
    public const string ShopHistorySubject = "shop";

    public static string User(string userId) => $"user|{Id(userId)}";
    public const string UserPrefix = "user|";

    public static string KioskLink(string linkId) => $"kiosklink|{Id(linkId)}";
    public const string KioskLinkPrefix = "kiosklink|";

    public static string Customer(string customerId) => $"cust|{Id(customerId)}";
    public const string CustomerPrefix = "cust|";

    public static string RepairTask(string taskId) => $"task|{Id(taskId)}";
    public const string RepairTaskPrefix = "task|";

    public static string Material(string materialId) => $"mat|{Id(materialId)}";
    public const string MaterialPrefix = "mat|";

    /// <summary>A material's adjustments ledger, one row per stock movement, in order.</summary>
    public static string Ledger(string materialId, int seq) => $"ledger|{Id(materialId)}|{seq:D6}";
    public static string LedgerPrefix(string materialId) => $"ledger|{Id(materialId)}|";

    public static string Style(string styleId) => $"style|{Id(styleId)}";
    public const string StylePrefix = "style|";

    public static string Process(string processId) => $"proc|{Id(processId)}";
    public const string ProcessPrefix = "proc|";

    public static string Invoice(string invoiceId) => $"inv|{Id(invoiceId)}";

    /// <summary>A customer status-page token → shop and job, in the install partition; only the token's hash is stored.</summary>
    public static string StatusToken(string token) => StatusTokenHash(Hash(token));
    public static string StatusTokenHash(string tokenHash) => $"status|{tokenHash}";

    /// <summary>The partition of the install itself, outside every shop: the setup marker and the sign-in indexes.</summary>
    public const string Install = "_install";
    public const string SetupMarker = "setup";

    /// <summary>Every shop of the install, for work that visits each (the operations sweep).</summary>
    public static string ShopIndex(string shopId) => $"shopidx|{shopId}";
    public const string ShopIndexPrefix = "shopidx|";

    /// <summary>Email → shop and user, keyed by a hash so that no address needs escaping or shows in a key.</summary>
    public static string Login(string normalizedEmail) => $"login|{Hash(normalizedEmail)}";

    /// <summary>Kiosk link token → shop and link; only the token's hash is stored.</summary>
    public static string KioskToken(string token) => KioskTokenHash(Hash(token));
    public static string KioskTokenHash(string tokenHash) => $"kiosk|{tokenHash}";

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// Ids from a URL become part of a key only when they look like ids the app makes, so a crafted id can
    /// never reach another kind of row.
    /// </summary>
    private static string Id(string id) =>
        id.Length is > 0 and <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? id
            : throw new NotFoundException($"{id[..Math.Min(id.Length, 40)]} was not found.");
}
