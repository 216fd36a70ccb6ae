using System.Net.Mail;
using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Shops;

public sealed record NewUser(string? Name, string? Email, Role Role);

/// <summary>
/// Someone who signs in to one shop. The password itself never reaches the domain: it is checked by
/// <see cref="CheckPassword"/> and stored as the hash the host computes.
/// </summary>
public sealed class ShopUser : Recorded
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public Role Role { get; set; }
    public bool Active { get; set; } = true;
    public string PasswordHash { get; set; } = "";

    /// <summary>Changes whenever existing sessions must end (password change, deactivation, new role).</summary>
    public string SessionStamp { get; set; } = "";

    public static ShopUser Create(string id, NewUser details, string passwordHash, Change change)
    {
        var checks = new Checks();
        var user = new ShopUser
        {
            Id = id,
            Name = checks.Text("name", details.Name, 60, required: true) ?? "",
            Email = CheckEmail(checks, details.Email),
            Role = details.Role,
            PasswordHash = passwordHash,
            SessionStamp = Guid.NewGuid().ToString("N"),
        };
        checks.ThrowIfAny();
        user.Created(change);
        user.Record(change, "Created", $"{user.Name} <{user.Email}> added as {user.Role}");
        return user;
    }

    /// <summary>Normalises an email for sign-in lookups: trimmed and lower case.</summary>
    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>Validates a new password before it is hashed.</summary>
    public static void CheckPassword(string field, string? password)
    {
        var checks = new Checks();
        if (string.IsNullOrEmpty(password)) checks.Fail(field, "is required.");
        else if (password.Length < MinPasswordLength) checks.Fail(field, $"must be at least {MinPasswordLength} characters.");
        else if (password.Length > MaxPasswordLength) checks.Fail(field, $"must be at most {MaxPasswordLength} characters.");
        checks.ThrowIfAny();
    }

    /// <summary>A new password, by the user or set by an owner; either way every session of the user ends.</summary>
    public void ChangePassword(string passwordHash, Change change)
    {
        PasswordHash = passwordHash;
        SessionStamp = Guid.NewGuid().ToString("N");
        Record(change, "PasswordChanged", change.By == Name ? "Password changed" : $"Password set by {change.By}");
    }

    public void Rename(string? name, Change change)
    {
        var checks = new Checks();
        var newName = checks.Text("name", name, 60, required: true) ?? Name;
        checks.ThrowIfAny();
        if (newName == Name) return;
        Record(change, "Edited", $"Name changed from \"{Name}\" to \"{newName}\"", "name", Name, newName);
        Name = newName;
    }

    /// <summary>Nobody changes their own role or deactivates themselves, so a shop always keeps an owner.</summary>
    public void ChangeRole(Role role, string actingUserId, Change change)
    {
        if (role == Role) return;
        if (actingUserId == Id) throw new RuleConflictException("You cannot change your own role; ask another owner.");
        Record(change, "RoleChanged", $"Role changed from {Role} to {role}", "role", Role.ToString(), role.ToString());
        Role = role;
        SessionStamp = Guid.NewGuid().ToString("N");
    }

    public void SetActive(bool active, string actingUserId, Change change)
    {
        if (active == Active) return;
        if (actingUserId == Id) throw new RuleConflictException("You cannot deactivate yourself; ask another owner.");
        Active = active;
        SessionStamp = Guid.NewGuid().ToString("N");
        Record(change, active ? "Reactivated" : "Deactivated", active ? $"{Name} can sign in again" : $"{Name} can no longer sign in",
            "active", (!active).ToString(), active.ToString());
    }

    private static string CheckEmail(Checks checks, string? email)
    {
        var normalized = NormalizeEmail(email);
        if (normalized.Length == 0) checks.Fail("email", "is required.");
        else if (normalized.Length > 254 || !MailAddress.TryCreate(normalized, out var parsed) || parsed.Address != normalized
                 || !parsed.Host.Contains('.') && parsed.Host != "localhost")
            checks.Fail("email", "must be an email address such as maya@example.com.");
        return normalized;
    }
}
