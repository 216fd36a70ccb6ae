using System.Globalization;
using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Pricing;

/// <summary>
/// A standard repair on the shop's price list ("Ring sizing up, 14k", "Prong retip"), so the counter quotes
/// consistently. Retired tasks stay for the estimates that used them.
/// </summary>
public sealed class RepairTask : Recorded
{
    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public bool Active { get; set; } = true;

    public static RepairTask Create(string id, string? name, decimal? price, Change change)
    {
        var checks = new Checks();
        var task = new RepairTask
        {
            Id = id,
            Name = checks.Text("name", name, 120, required: true) ?? "",
            Price = price is null ? 0 : checks.Money("price", price.Value),
        };
        if (price is null) checks.Fail("price", "is required.");
        checks.ThrowIfAny();
        task.Created(change);
        task.Record(change, "Created", $"Price list: {task.Name} at {Show(task.Price)}");
        return task;
    }

    public void Edit(string? name, decimal? price, bool? active, Change change)
    {
        var checks = new Checks();
        var newName = name is null ? Name : checks.Text("name", name, 120, required: true) ?? Name;
        var newPrice = price is null ? Price : checks.Money("price", price.Value);
        checks.ThrowIfAny();
        if (newName != Name) Set(change, "name", Name, newName, () => Name = newName);
        if (newPrice != Price) Set(change, "price", Show(Price), Show(newPrice), () => Price = newPrice);
        if (active is { } a && a != Active) Set(change, "active", Active ? "yes" : "no", a ? "yes" : "no", () => Active = a);
    }

    private void Set(Change change, string field, string from, string to, Action assign)
    {
        assign();
        Record(change, "Edited", $"{field} changed", field, from, to);
    }

    private static string Show(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
