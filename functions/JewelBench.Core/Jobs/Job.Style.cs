using JewelBench.Core.Materials;
using JewelBench.Core.Styles;

namespace JewelBench.Core.Jobs;

/// <summary>The style a batch is made from: its bill of materials × quantity on the job, its images on every piece.</summary>
public sealed record JobStyle(string Id, string Code, string Name, IReadOnlyList<StyleImage> Images);

public sealed partial class Job
{
    public JobStyle? Style { get; set; }

    /// <summary>
    /// A new production job takes the style's bill of materials for its quantity: inventory lines are allocated (refused
    /// when stock is short), labor and fees are per piece. The style is recorded as it is now; later edits of it leave the job alone.
    /// </summary>
    public void MakeFromStyle(Style style, IReadOnlyDictionary<string, Material> materials, Change change)
    {
        if (Module != JobModule.Production || Status != JobStatus.Draft)
            throw new InvalidOperationException("A style starts a new production job.");
        if (!style.Active) throw ValidationFailedException.For("styleId", $"style {style.Code} is retired.");
        Style = new JobStyle(style.Id, style.Code, style.Name, style.Images.ToList());
        foreach (var line in style.Bom)
        {
            if (line.MaterialId is { } materialId)
                AllocateMaterial(materials.GetValueOrDefault(materialId)
                    ?? throw new RuleConflictException($"Material {materialId} of style {style.Code} is no longer in inventory."), line.Quantity * Quantity, change);
            else
                AddItem(new NewItem(line.Kind, line.Description, line.Kind == ItemKind.Fee ? 1 : line.Quantity * Quantity, line.Unit,
                    line.Kind == ItemKind.Fee ? line.UnitCost * Quantity : line.UnitCost), change);
        }
        Record(change, "FromStyle", $"Made from style {style.Code} {style.Name} × {Quantity}", "style", null, style.Code);
    }
}
