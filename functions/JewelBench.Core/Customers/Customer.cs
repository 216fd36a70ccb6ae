using System.Net.Mail;
using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Customers;

public sealed record CustomerDetails(string? Name, string? Email, string? Phone, string? Notes);

/// <summary>A shop's customer: one record reused across their repairs and custom jobs.</summary>
public sealed class Customer : Recorded
{
    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Notes { get; set; }

    public static Customer Create(string id, CustomerDetails details, Change change)
    {
        var customer = new Customer { Id = id };
        customer.Apply(details with { Name = details.Name ?? "" }, change, creating: true);
        customer.Created(change);
        customer.Record(change, "Created", $"Customer {customer.Name} added");
        return customer;
    }

    /// <summary>Applies the fields that were sent (null = unchanged, "" = cleared); each change is its own history event.</summary>
    public void Edit(CustomerDetails edits, Change change) => Apply(edits, change, creating: false);

    public bool Matches(string query) =>
        new[] { Name, Email, Phone, Id }.Any(t => t?.Contains(query, StringComparison.OrdinalIgnoreCase) == true)
        || (Digits(query) is { Length: >= 3 } digits && Digits(Phone ?? "").Contains(digits, StringComparison.Ordinal));

    /// <summary>
    /// Name or email containing the query, or a phone holding the digits of a phone-shaped query, so "555 0101"
    /// finds "(555) 010-1…" while a job number such as "R-0012" is never read as a phone.
    /// </summary>
    public bool MatchesContact(string query) =>
        new[] { Name, Email }.Any(t => t?.Contains(query, StringComparison.OrdinalIgnoreCase) == true)
        || (query.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.')
            && Digits(query) is { Length: >= 3 } digits && Digits(Phone ?? "").Contains(digits, StringComparison.Ordinal));

    private void Apply(CustomerDetails d, Change change, bool creating)
    {
        var checks = new Checks();
        var name = d.Name is null ? Name : checks.Text("name", d.Name, 100, required: true);
        var email = d.Email is null ? Email : checks.Text("email", d.Email, 254, required: false);
        var phone = d.Phone is null ? Phone : checks.Text("phone", d.Phone, 40, required: false);
        var notes = d.Notes is null ? Notes : checks.Text("notes", d.Notes, 1000, required: false);
        if (email is not null && !IsEmail(email)) checks.Fail("email", "is not an email address.");
        if (phone is not null && Digits(phone).Length < 5) checks.Fail("phone", "needs at least 5 digits.");
        if (email is null && phone is null) checks.Fail("email", "or a phone number is needed to reach the customer.");
        checks.ThrowIfAny();
        if (creating)
        {
            (Name, Email, Phone, Notes) = (name!, email, phone, notes);
            return;
        }
        Set(change, "name", Name, name!, v => Name = v!);
        Set(change, "email", Email, email, v => Email = v);
        Set(change, "phone", Phone, phone, v => Phone = v);
        Set(change, "notes", Notes, notes, v => Notes = v);
    }

    private void Set(Change change, string field, string? current, string? value, Action<string?> assign)
    {
        if (current == value) return;
        assign(value);
        Record(change, "Edited", $"{field} changed", field, current, value);
    }

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());
}
