using JewelBench.Core.Materials;

namespace JewelBench.Functions.Materials;

/// <summary>Turns stock movements into the rows of the command's transaction, each material conditional on the ETag it was read at.</summary>
public static class MaterialWrites
{
    public static async Task<IEnumerable<TableWrite>> ApplyAsync(IShopTable table, string shopId, IReadOnlyList<MaterialMove> moves,
        Change change, CancellationToken ct)
    {
        var writes = new List<TableWrite>();
        foreach (var group in moves.GroupBy(m => m.MaterialId))
        {
            var stored = await table.GetAsync<Material>(shopId, Keys.Material(group.Key), ct);
            var material = stored?.Value ?? await NewScrapAsync(table, shopId, group.Key, change, ct)
                ?? throw new RuleConflictException($"Material {group.Key} is no longer in inventory.");
            foreach (var move in group) material.Apply(move, change);
            writes.AddRange(Of(material, stored?.ETag));
        }
        return writes;
    }

    /// <summary>The material's row (inserted when new, else replaced at its ETag), its ledger entries and its history.</summary>
    public static IReadOnlyList<TableWrite> Of(Material material, string? etag)
    {
        if (etag is not null) material.Version++;
        var key = Keys.Material(material.Id);
        return [
            etag is null ? new TableWrite.Insert(key, material) : new TableWrite.Replace(key, material, etag),
            .. material.TakeLedger().Select(e => new TableWrite.Insert(Keys.Ledger(material.Id, e.Seq), e)),
            .. RecordedWrites.History(material.Id, material.TakeEvents()),
        ];
    }

    /// <summary>A scrap SKU opens with the first loss recovered into it; its id follows from its source, so two firsts cannot both insert it.</summary>
    private static async Task<Material?> NewScrapAsync(IShopTable table, string shopId, string materialId, Change change, CancellationToken ct)
    {
        if (Material.SourceOfScrap(materialId) is not { } sourceId) return null;
        var source = await table.GetAsync<Material>(shopId, Keys.Material(sourceId), ct);
        return source is null ? null : Material.ScrapFor(source.Value, change);
    }
}
