using System.Security.Cryptography;

namespace JewelBench.Functions.Storage;

public static class Ids
{
    /// <summary>A new random id with a readable prefix, e.g. u-3f9a0c1d2e4b: 48 random bits, unique within a shop.</summary>
    public static string New(string prefix) => $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
}
