using System.Globalization;
using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Styles;

/// <summary>The shop's own designs and the styles of others' catalogs (a supplier's): one catalog, two views.</summary>
public enum StyleOrigin { MyDesign, Vendor }

/// <summary>
/// One line of a style's bill of materials, per piece: a material or stone from inventory (valued at its current unit
/// cost), labor hours × rate, or a fee.
/// </summary>
public sealed record BomLine(ItemKind Kind, string Description, decimal Quantity, string Unit, decimal UnitCost, string? MaterialId);

/// <summary>An image of the style, in blob storage under a name made from the ids; close-out copies it to every piece.</summary>
public sealed record StyleImage(string Id, string ContentType, int Bytes);

/// <summary>A saved design a manufacturer makes in batches: images, category, bill of materials and the process its stages come from.</summary>
public sealed class Style : Recorded
{
    public const int MaxBomLines = 30;
    public const int MaxImages = 12;

    public required string Id { get; init; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public StyleOrigin Origin { get; set; }
    public string? Vendor { get; set; }
    public string? Notes { get; set; }
    public string? ProcessId { get; set; }
    public bool Active { get; set; } = true;
    public List<BomLine> Bom { get; set; } = [];
    public List<StyleImage> Images { get; set; } = [];

    public static Style Create(string id, StyleDraft draft, Change change)
    {
        var style = new Style { Id = id };
        style.Apply(draft);
        style.Created(change);
        style.Record(change, "Created", $"Style {style.Code} {style.Name} added to {(style.Origin == StyleOrigin.MyDesign ? "My Designs" : "Vendor Styles")}");
        return style;
    }

    public void Edit(StyleDraft draft, Change change)
    {
        var before = Snapshot();
        Apply(draft);
        foreach (var (field, from) in before)
            if (Snapshot()[field] is var to && from != to) Record(change, "Edited", $"{field} changed", field, from, to);
    }

    public void AddImages(IReadOnlyList<StyleImage> images, Change change)
    {
        if (Images.Count + images.Count > MaxImages)
            throw new RuleConflictException($"A style keeps at most {MaxImages} images; this one has {Images.Count}.");
        Images.AddRange(images);
        Record(change, "ImagesAdded", $"{images.Count} image(s) added", "images", null, string.Join(", ", images.Select(i => i.Id)));
    }

    /// <summary>The image leaves the style; jobs already started from it keep their copy at close-out.</summary>
    public void RemoveImage(string imageId, Change change)
    {
        var image = Images.Find(i => i.Id == imageId) ?? throw new NotFoundException($"Image {imageId} is not on style {Id}.");
        Images.Remove(image);
        Record(change, "ImageRemoved", $"Image {imageId} removed", "images", imageId, null);
    }

    private void Apply(StyleDraft draft)
    {
        var checks = new Checks();
        var code = checks.Text("code", draft.Code, 40, required: true);
        var name = checks.Text("name", draft.Name, 120, required: true);
        var category = checks.Text("category", draft.Category, 60, required: true);
        var vendor = checks.Text("vendor", draft.Vendor, 80, required: false);
        if (draft.Origin == StyleOrigin.Vendor && vendor is null) checks.Fail("vendor", "is required for a vendor style: whose catalog is it from?");
        var notes = checks.Text("notes", draft.Notes, 1000, required: false);
        if (draft.Bom.Count > MaxBomLines) checks.Fail("bom", $"must have at most {MaxBomLines} lines.");
        var bom = draft.Bom.Take(MaxBomLines).Select((line, i) => CheckLine(checks, $"bom[{i}].", line)).ToList();
        checks.ThrowIfAny();
        (Code, Name, Category, Origin, Vendor, Notes, ProcessId, Active, Bom) =
            (code!, name!, category!, draft.Origin, draft.Origin == StyleOrigin.Vendor ? vendor : null, notes, draft.ProcessId, draft.Active, bom);
    }

    private static BomLine CheckLine(Checks checks, string prefix, BomDraft line)
    {
        var description = checks.Text($"{prefix}description", line.Description, 120, required: line.MaterialId is null);
        var quantity = line.Kind == ItemKind.Fee ? 1 : checks.Amount($"{prefix}quantity", line.Quantity, positive: true);
        var unit = line.Kind switch
        {
            ItemKind.Labor => "h",
            ItemKind.Fee => "fee",
            _ => checks.Text($"{prefix}unit", line.Unit, 10, required: line.MaterialId is null) ?? "",
        };
        if (line.Kind == ItemKind.Material && line.MaterialId is null && unit.Length > 0 && !Job.MaterialUnits.Contains(unit))
            checks.Fail($"{prefix}unit", $"must be one of {string.Join(", ", Job.MaterialUnits)}.");
        if (line.Kind != ItemKind.Material && line.MaterialId is not null) checks.Fail($"{prefix}materialId", "belongs to a material line only.");
        var cost = checks.Amount($"{prefix}unitCost", line.UnitCost);
        return new BomLine(line.Kind, description ?? "", quantity, unit, cost, line.MaterialId);
    }

    private Dictionary<string, string?> Snapshot() => new()
    {
        ["code"] = Code, ["name"] = Name, ["category"] = Category, ["origin"] = Origin.ToString(), ["vendor"] = Vendor, ["notes"] = Notes,
        ["process"] = ProcessId, ["active"] = Active ? "yes" : "no",
        ["bom"] = string.Join("; ", Bom.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.MaterialId ?? l.Description} {l.Quantity:0.###} {l.Unit} × {l.UnitCost:0.00##}"))),
    };
}

public sealed record BomDraft(ItemKind Kind, string? Description, decimal Quantity, string? Unit, decimal UnitCost, string? MaterialId);

public sealed record StyleDraft(string? Code, string? Name, string? Category, StyleOrigin Origin, string? Vendor, string? Notes,
    string? ProcessId, bool Active, IReadOnlyList<BomDraft> Bom);
