using System.Globalization;
using JewelBench.Core.Materials;

namespace JewelBench.Core.Jobs;

public sealed partial class Job
{
    public static readonly string[] MaterialUnits = ["pcs", "g", "ct", "dwt", "ozt", "mm"];

    public JobItem AddItem(NewItem draft, Change change)
    {
        EnsureItemsEditable();
        var item = new JobItem { Id = NextLineId("i"), Kind = draft.Kind };
        Apply(item, draft.Description, draft.Quantity, draft.Unit, draft.UnitCost);
        Items.Add(item);
        Record(change, "ItemAdded", $"{item.Kind} {item.Description} added ({Describe(item)})", "item", null, Describe(item));
        return item;
    }

    public void EditItem(string itemId, ItemEdits edits, Change change)
    {
        EnsureItemsEditable();
        var item = FindItem(itemId);
        if (item.MaterialId is not null && (edits.Description.HasValue || edits.Unit.HasValue || edits.UnitCost.HasValue))
            throw ValidationFailedException.For("quantity", "is all that changes on material from inventory: its description, unit and cost come from stock.");
        var (before, oldDescription) = (Describe(item), item.Description);
        var oldValues = (item.Description, item.Quantity, item.Unit, item.UnitCost);
        Apply(item,
            edits.Description.HasValue ? edits.Description.Value : item.Description,
            edits.Quantity.HasValue ? edits.Quantity.Value : item.Quantity,
            edits.Unit.HasValue ? edits.Unit.Value : item.Unit,
            edits.UnitCost.HasValue ? edits.UnitCost.Value : item.UnitCost);
        Reallocate(item, oldValues.Quantity);
        if (oldValues != (item.Description, item.Quantity, item.Unit, item.UnitCost))
            Record(change, "ItemEdited", $"{item.Kind} {item.Description} changed", "item", $"{oldDescription}: {before}", $"{item.Description}: {Describe(item)}");
    }

    public void RemoveItem(string itemId, Change change)
    {
        EnsureItemsEditable();
        var item = FindItem(itemId);
        if (item.MaterialId is not null)
        {
            EnsureAllocationOpen(item);
            Move(item, LedgerMove.Remove, item.Quantity);
        }
        Items.Remove(item);
        Record(change, "ItemRemoved", $"{item.Kind} {item.Description} removed", "item", Describe(item), null);
    }

    /// <summary>Validates every field first, so a refused edit leaves the item exactly as it was.</summary>
    private static void Apply(JobItem item, string? description, decimal quantity, string? unit, decimal unitCost)
    {
        var checks = new Checks();
        var text = checks.Text("description", description, 120, required: true);
        var cost = checks.Amount("unitCost", unitCost);
        var (qty, unitName) = item.Kind switch
        {
            ItemKind.Labor => (checks.Amount("quantity", quantity, positive: true), "h"),
            ItemKind.Fee => (1m, "fee"),
            _ => (checks.Amount("quantity", quantity, positive: true), checks.Text("unit", unit, 10, required: true)),
        };
        if (item.Kind == ItemKind.Material && unitName is not null && !MaterialUnits.Contains(unitName))
            checks.Fail("unit", $"must be one of {string.Join(", ", MaterialUnits)}.");
        checks.ThrowIfAny();

        item.Description = text!;
        item.Quantity = qty;
        item.Unit = unitName!;
        item.UnitCost = cost;
    }

    private static string Describe(JobItem item) => item.Kind == ItemKind.Fee
        ? string.Create(CultureInfo.InvariantCulture, $"{item.Cost:0.00}")
        : string.Create(CultureInfo.InvariantCulture, $"{item.Quantity:0.###} {item.Unit} × {item.UnitCost:0.00##} = {item.Cost:0.00}");

    private void EnsureItemsEditable()
    {
        EnsureOpen("changed");
        if (IsCustomerJob && Status == JobStatus.ReadyForPickup)
            throw new RuleConflictException("The invoice is made: move the job out of Ready for Pickup to change its lines.");
        if (!IsCustomerJob && Status != JobStatus.Draft)
            throw new RuleConflictException("Items and quantities are fixed once the job is in production.");
    }

    private JobItem FindItem(string itemId) =>
        Items.FirstOrDefault(i => i.Id == itemId) ?? throw new NotFoundException($"Item {itemId} is not on job {Id}.");
}
