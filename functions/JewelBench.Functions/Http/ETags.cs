using JewelBench.Core.History;

namespace JewelBench.Functions.Http;

/// <summary>The HTTP ETag of a job or piece is its version; If-Match is checked against it.</summary>
public static class ETags
{
    public static string For(Recorded value) => $"\"{value.Version}\"";

    public static bool Matches(string? ifMatch, Recorded current) =>
        string.IsNullOrEmpty(ifMatch) || ifMatch.Split(',').Select(t => t.Trim()).Any(t =>
            t == "*" || (t.StartsWith("W/") ? t[2..] : t) == For(current));
}
