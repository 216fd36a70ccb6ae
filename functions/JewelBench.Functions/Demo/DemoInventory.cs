using JewelBench.Core.Materials;
using JewelBench.Core.Styles;

namespace JewelBench.Functions.Demo;

/// <summary>The demo shop's stones and materials (one below its reorder point) and a style in each view of the catalog.</summary>
public static class DemoInventory
{
    public static (IReadOnlyList<Material> Materials, IReadOnlyList<Style> Styles) Build(DateTimeOffset now)
    {
        var change = new Change("Maya Owner", now.AddDays(-30), "Opening stock");
        Material Stone(string id, string sku, string name, decimal onHand, decimal cost, decimal reorder, StoneAttributes stone) =>
            Material.Create(id, new MaterialDraft(name, sku, MaterialKind.Stone, "pcs", cost, reorder, "Safe, stone drawer", stone, null, onHand), change);
        Material Metal(string id, string sku, string name, decimal grams, decimal cost, string metal, string karat) =>
            Material.Create(id, new MaterialDraft(name, sku, MaterialKind.Metal, "g", cost, 50, "Safe, metal shelf", null, new MetalAttributes(metal, karat), grams), change);
        var materials = new List<Material>
        {
            Stone("M-0001", "DIA-2.0", "Round diamond 2.0 mm", 48, 38, 20, new("Round", "2.0 mm", "G", "VS2")),
            Stone("M-0002", "SAP-3.0", "Round blue sapphire 3.0 mm", 6, 45, 10, new("Round", "3.0 mm", "Blue", "Eye clean")),
            Stone("M-0003", "CZ-4.0", "Round CZ 4.0 mm", 200, 1.2m, 50, new("Round", "4.0 mm", "White", null)),
            Metal("M-0004", "AU14Y-GR", "14k yellow casting grain", 310, 62, "Gold", "14k"),
            Metal("M-0005", "AG925-GR", "Sterling casting grain", 1200, 1.1m, "Silver", "925"),
            Material.Create("M-0006", new MaterialDraft("Friction ear backs, 14k", "FIND-EB14", MaterialKind.Other, "pcs", 3.5m, 20, "Findings bin", null, null, 64), change),
        };
        var styles = new List<Style>
        {
            Style.Create("ST-0001", new StyleDraft("ER-104", "Bezel stud", "Earrings", StyleOrigin.MyDesign, null, "Our best seller in the spring window.", null, true,
            [
                new BomDraft(ItemKind.Material, null, 2, null, 0, "M-0001"),
                new BomDraft(ItemKind.Material, null, 1.6m, null, 0, "M-0004"),
                new BomDraft(ItemKind.Material, null, 2, null, 0, "M-0006"),
                new BomDraft(ItemKind.Labor, "Setting and finishing", 0.75m, null, 45, null),
            ]), change),
            Style.Create("ST-0002", new StyleDraft("ST-RC18", "Rope chain 18 in, sterling", "Necklaces", StyleOrigin.Vendor, "Stuller", null, null, true,
            [
                new BomDraft(ItemKind.Material, "Rope chain 18 in (supplier)", 1, "pcs", 28, null),
                new BomDraft(ItemKind.Labor, "Clasp and polish", 0.25m, null, 45, null),
            ]), change),
        };
        return (materials, styles);
    }
}
