using JewelBench.Core.Shops;
using Microsoft.AspNetCore.Identity;

namespace JewelBench.Functions.Auth;

/// <summary>Password hashes by ASP.NET Core's PasswordHasher (PBKDF2 with a per-password salt).</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<ShopUser> _hasher = new();
    private readonly string _decoy;

    public Passwords() => _decoy = Hash(Convert.ToBase64String(Guid.NewGuid().ToByteArray()));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>
    /// Checks a password against a user's hash. Without a user it still does the work of a check, so the
    /// time taken does not tell whether the email exists.
    /// </summary>
    public bool Verify(ShopUser? user, string password)
    {
        var result = _hasher.VerifyHashedPassword(null!, user?.PasswordHash ?? _decoy, password);
        return user is not null && result != PasswordVerificationResult.Failed;
    }
}
