using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Shops;

public sealed record ShopDetails(string? Name, string? Address, string? TimeZone, string? Currency, decimal? TaxRate, bool? Manufacturer = null);

/// <summary>The shop's logo: the stored image's server-made name, its sniffed type and size.</summary>
public sealed record ShopLogo(string BlobName, string ContentType, int Bytes);

/// <summary>A shop (tenant): its name, address, time zone, currency, tax rate and settings.</summary>
public sealed class ShopProfile : Recorded
{
    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string Currency { get; set; } = "USD";

    /// <summary>Sales tax in percent, e.g. 8.25.</summary>
    public decimal TaxRate { get; set; }

    public ShopLogo? Logo { get; set; }

    /// <summary>A manufacturer makes batches from its style catalog; a shop that only repairs and sells does not see it.</summary>
    public bool Manufacturer { get; set; }

    /// <summary>The shop's own reminder thresholds; null follows the install's defaults (host.json).</summary>
    public ReminderThresholds? Reminders { get; set; }

    /// <summary>Sets the thresholds (null: back to the defaults); each changed value is its own history event.</summary>
    public void SetReminders(ReminderThresholds? thresholds, ReminderThresholds defaults, Change change)
    {
        thresholds?.Checked();
        var (from, to) = (Reminders ?? defaults, thresholds ?? defaults);
        foreach (var (field, label, before, after) in new[]
                 {
                     ("inShop", "In Shop", from.InShop, to.InShop), ("inProgress", "In Progress", from.InProgress, to.InProgress),
                     ("waitingOnVendor", "Waiting on Vendor", from.WaitingOnVendor, to.WaitingOnVendor),
                     ("readyForPickup", "Ready for Pickup", from.ReadyForPickup, to.ReadyForPickup),
                     ("onHold", "On Hold", from.OnHold, to.OnHold), ("escalation", "Escalation interval", from.Escalation, to.Escalation),
                 })
            Set(change, $"reminders.{field}", $"Reminder after {label} (days)", before.ToString(), after.ToString(), _ => { });
        if ((Reminders is null) != (thresholds is null) && from == to)
            Record(change, "Edited", thresholds is null ? "Reminder thresholds follow the defaults" : "Reminder thresholds set for this shop");
        Reminders = thresholds;
    }

    public static ShopProfile Create(string id, ShopDetails details, Change change)
    {
        var checks = new Checks();
        var shop = new ShopProfile
        {
            Id = id,
            Name = checks.Text("name", details.Name, 80, required: true) ?? "",
            Address = checks.Text("address", details.Address, 300, required: false) ?? "",
            TimeZone = CheckTimeZone(checks, details.TimeZone ?? "UTC"),
            Currency = CheckCurrency(checks, details.Currency ?? "USD"),
            TaxRate = CheckTaxRate(checks, details.TaxRate ?? 0),
        };
        checks.ThrowIfAny();
        shop.Created(change);
        shop.Record(change, "Created", $"Shop {shop.Name} opened");
        return shop;
    }

    /// <summary>Applies the fields that were sent; each change is its own history event.</summary>
    public void Edit(ShopDetails edits, Change change)
    {
        var checks = new Checks();
        var name = edits.Name is null ? Name : checks.Text("name", edits.Name, 80, required: true) ?? Name;
        var address = edits.Address is null ? Address : checks.Text("address", edits.Address, 300, required: false) ?? "";
        var timeZone = edits.TimeZone is null ? TimeZone : CheckTimeZone(checks, edits.TimeZone);
        var currency = edits.Currency is null ? Currency : CheckCurrency(checks, edits.Currency);
        var taxRate = edits.TaxRate is null ? TaxRate : CheckTaxRate(checks, edits.TaxRate.Value);
        checks.ThrowIfAny();

        Set(change, "name", "Name", Name, name, v => Name = v);
        Set(change, "address", "Address", Address, address, v => Address = v);
        Set(change, "timeZone", "Time zone", TimeZone, timeZone, v => TimeZone = v);
        Set(change, "currency", "Currency", Currency, currency, v => Currency = v);
        Set(change, "taxRate", "Tax rate", TaxRate.ToString("0.###"), taxRate.ToString("0.###"), _ => TaxRate = taxRate);
        var manufacturer = edits.Manufacturer ?? Manufacturer;
        Set(change, "manufacturer", "Manufacturer", Manufacturer ? "yes" : "no", manufacturer ? "yes" : "no", _ => Manufacturer = manufacturer);
    }

    public void SetLogo(ShopLogo logo, Change change)
    {
        Record(change, "LogoChanged", Logo is null ? "Logo added" : "Logo replaced", "logo", Logo?.BlobName, logo.BlobName);
        Logo = logo;
    }

    public void RemoveLogo(Change change)
    {
        if (Logo is null) throw new NotFoundException("The shop has no logo.");
        Record(change, "LogoRemoved", "Logo removed", "logo", Logo.BlobName, null);
        Logo = null;
    }

    public void KioskLinkCreated(string name, Change change) =>
        Record(change, "KioskLinkCreated", $"Kiosk link \"{name}\" created");

    public void KioskLinkRevoked(string name, Change change) =>
        Record(change, "KioskLinkRevoked", $"Kiosk link \"{name}\" revoked");

    private void Set(Change change, string field, string label, string from, string to, Action<string> apply)
    {
        if (from == to) return;
        apply(to);
        Record(change, "Edited", $"{label} changed from \"{from}\" to \"{to}\"", field, from, to);
    }

    private static string CheckTimeZone(Checks checks, string value)
    {
        var id = value.Trim();
        if (id.Length is 0 or > 60 || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            checks.Fail("timeZone", "must be a time zone such as America/New_York.");
        return id;
    }

    private static string CheckCurrency(Checks checks, string value)
    {
        var code = value.Trim().ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) checks.Fail("currency", "must be a three-letter currency code such as USD.");
        return code;
    }

    private static decimal CheckTaxRate(Checks checks, decimal rate)
    {
        if (rate is < 0 or > 30 || rate != Math.Round(rate, 3)) checks.Fail("taxRate", "must be a percentage from 0 to 30 with at most 3 decimals.");
        return rate;
    }
}
