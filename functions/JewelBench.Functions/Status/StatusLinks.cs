using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace JewelBench.Functions.Status;

/// <summary>The index row of a status-page secret, in the job's shop partition (so it is written with the job).</summary>
public sealed record StatusLink(string JobId);

/// <summary>
/// A customer's status page is reached by "{shop}.{secret}": the shop says which partition to look in, the
/// 128-bit secret (kept as a hash in the index) says which job, and nothing else grants it.
/// </summary>
public static class StatusLinks
{
    public static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public static TableWrite IndexWrite(Job job) => new TableWrite.Insert(Keys.StatusToken(job.StatusToken!), new StatusLink(job.Id));

    /// <summary>The page's address: the token rides in the fragment, so it never reaches a server log or a Referer.</summary>
    public static string? Path(string shopId, Job job) => job.StatusToken is { } secret ? $"/status.html#{shopId}.{secret}" : null;

    public static (string ShopId, string Secret)? Parse(string token) =>
        token.Split('.') is [var shop, var secret] && shop.Length is > 0 and <= 40 && secret.Length is > 0 and <= 64
            && shop.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? (shop, secret) : null;
}
