using JewelBench.Core.Materials;

namespace JewelBench.Core.Jobs;

public sealed partial class Job
{
    /// <summary>Distinct inventory materials one job may draw on, so that close-out's rows fit one table transaction.</summary>
    public const int MaxInventoryMaterials = 20;

    /// <summary>Inventory lines one job may hold; each is a ledger entry at close-out, in the same transaction.</summary>
    public const int MaxAllocations = 30;

    private readonly List<MaterialMove> _materialMoves = [];

    /// <summary>The stock movements this command asked for; the store applies them to the materials in the same transaction.</summary>
    public IReadOnlyList<MaterialMove> TakeMaterialMoves()
    {
        var moves = _materialMoves.ToList();
        _materialMoves.Clear();
        return moves;
    }

    /// <summary>Takes stock from inventory onto the job at the material's current unit cost.</summary>
    public JobItem AllocateMaterial(Material material, decimal quantity, Change change)
    {
        EnsureItemsEditable();
        if (material.ScrapOf is not null) throw ValidationFailedException.For("materialId", "is a scrap SKU: scrap is not allocated to jobs.");
        var existing = Items.Where(i => i.MaterialId is not null).Select(i => i.MaterialId).Distinct().ToList();
        if (!existing.Contains(material.Id) && existing.Count >= MaxInventoryMaterials)
            throw new RuleConflictException($"A job draws on at most {MaxInventoryMaterials} different inventory materials.");
        if (Items.Count(i => i.Allocation is Allocation.Allocated or Allocation.Held) >= MaxAllocations)
            throw new RuleConflictException($"A job holds at most {MaxAllocations} inventory lines: add to an existing line's quantity instead.");
        var item = new JobItem { Id = NextLineId("i"), Kind = ItemKind.Material, MaterialId = material.Id, Allocation = Allocation.Allocated };
        Apply(item, $"{material.Sku} {material.Name}", quantity, material.Unit, material.UnitCost);
        Items.Add(item);
        Move(item, LedgerMove.Allocate, quantity);
        Record(change, "MaterialAllocated", $"Allocated {Describe(item)} of {item.Description} from inventory", "item", null, Describe(item));
        return item;
    }

    /// <summary>Brings a reopened job's consumed material back into stock and off the job's cost: an explicit adjustment.</summary>
    public void ReturnMaterial(string itemId, Change change)
    {
        var item = FindItem(itemId);
        if (item.Allocation != Allocation.Consumed)
            throw new RuleConflictException($"{item.Description} is not consumed: only consumed material is returned (remove an allocation instead).");
        if (Status is JobStatus.Completed or JobStatus.ReadyForPickup or JobStatus.PickedUp)
            throw new RuleConflictException("Reopen the job before returning its materials to stock.");
        Items.Remove(item);
        Move(item, LedgerMove.Return, item.Quantity);
        Record(change, "MaterialReturned", $"Returned {Describe(item)} of {item.Description} to stock", "item", Describe(item), null);
    }

    /// <summary>Allocations follow the job's status; consumption stays as recorded whatever happens after.</summary>
    private void SyncAllocations()
    {
        var target = Status switch
        {
            JobStatus.Canceled => (Allocation?)null,
            JobStatus.InProduction => Allocation.Held,
            JobStatus.Completed or JobStatus.ReadyForPickup or JobStatus.PickedUp => Allocation.Consumed,
            _ => Allocation.Allocated,
        };
        foreach (var item in Items.Where(i => i.Allocation is Allocation.Allocated or Allocation.Held && i.Allocation != target))
        {
            var move = target switch { null => LedgerMove.Release, Allocation.Held => LedgerMove.Hold, Allocation.Consumed => LedgerMove.Consume, _ => (LedgerMove?)null };
            if (move is { } m) Move(item, m, item.Quantity);
            item.Allocation = target ?? Allocation.Released;
        }
    }

    /// <summary>An allocation's quantity changed or it was taken off the job: the difference goes back to or comes from stock.</summary>
    private void Reallocate(JobItem item, decimal before)
    {
        if (item.MaterialId is null || item.Quantity == before) return;
        EnsureAllocationOpen(item);
        Move(item, item.Quantity > before ? LedgerMove.Allocate : LedgerMove.Remove, Math.Abs(item.Quantity - before));
    }

    private static void EnsureAllocationOpen(JobItem item)
    {
        if (item.Allocation is Allocation.Consumed or Allocation.Released)
            throw new RuleConflictException($"{item.Description} is {item.Allocation}: return it to stock to change it.");
    }

    private void Move(JobItem item, LedgerMove move, decimal quantity) =>
        _materialMoves.Add(new MaterialMove(item.MaterialId!, move, quantity, Id));
}
