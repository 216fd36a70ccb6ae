using System.Globalization;
using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Materials;

public enum MaterialKind { Stone, Metal, Other }

/// <summary>
/// A stone or material kept in stock by quantity or weight. On-hand is what is free to allocate; committed is what open
/// jobs hold. Every change of either is a ledger entry; edits of the other fields are history events.
/// </summary>
public sealed class Material : Recorded
{
    public static readonly string[] Units = ["pcs", "ct", "g", "dwt"];
    private readonly List<LedgerEntry> _ledger = [];

    public required string Id { get; init; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public MaterialKind Kind { get; set; }
    public string Unit { get; set; } = "pcs";
    public decimal UnitCost { get; set; }
    public decimal OnHand { get; set; }
    public decimal Committed { get; set; }
    public decimal ReorderPoint { get; set; }
    public string? Location { get; set; }
    public StoneAttributes? Stone { get; set; }
    public MetalAttributes? Metal { get; set; }

    /// <summary>Set on a scrap SKU: the material whose losses it recovers.</summary>
    public string? ScrapOf { get; set; }
    public int LedgerSeq { get; set; }

    public bool IsLow => OnHand <= ReorderPoint;

    public static Material Create(string id, MaterialDraft draft, Change change)
    {
        var material = new Material { Id = id };
        material.Apply(draft, new Checks());
        if (draft.OnHand < 0) throw ValidationFailedException.For("onHand", "must not be negative.");
        material.Created(change);
        material.Record(change, "Created", $"{material.Sku} {material.Name} added to inventory");
        if (draft.OnHand > 0) material.Apply(new MaterialMove(id, LedgerMove.Receive, draft.OnHand, Note: "Opening stock"), change);
        return material;
    }

    /// <summary>The scrap SKU of a material: same unit and kind, valued at what is recoverable.</summary>
    public static Material ScrapFor(Material source, Change change)
    {
        var scrap = new Material
        {
            Id = ScrapId(source.Id), Sku = $"SCRAP-{source.Sku}", Name = $"Scrap: {source.Name}", Kind = source.Kind,
            Unit = source.Unit, Metal = source.Metal, ScrapOf = source.Id, Location = source.Location,
        };
        scrap.Created(change);
        scrap.Record(change, "Created", $"Scrap SKU {scrap.Sku} opened for losses of {source.Sku}");
        return scrap;
    }

    private const string ScrapSuffix = "-SCRAP";

    public static string ScrapId(string materialId) => materialId + ScrapSuffix;

    /// <summary>The material a scrap SKU's id was made from, or null for an id that is not a scrap SKU's.</summary>
    public static string? SourceOfScrap(string materialId) =>
        materialId.EndsWith(ScrapSuffix, StringComparison.Ordinal) ? materialId[..^ScrapSuffix.Length] : null;

    public void Edit(MaterialDraft draft, Change change)
    {
        if (draft.Unit?.Trim() is { Length: > 0 } unit && unit != Unit && LedgerSeq > 0)
            throw new RuleConflictException($"The unit of {Sku} is fixed once stock has moved ({Unit}).");
        if (draft.Kind != Kind && LedgerSeq > 0)
            throw new RuleConflictException($"The kind of {Sku} is fixed once stock has moved ({Kind}).");
        var before = Snapshot();
        Apply(draft, new Checks());
        foreach (var (field, from) in before)
        {
            var to = Snapshot()[field];
            if (from != to) Record(change, "Edited", $"{field} changed", field, from, to);
        }
    }

    /// <summary>Applies one stock movement, refusing any that would take on-hand or committed below zero.</summary>
    public void Apply(MaterialMove move, Change change)
    {
        if (move.Move == LedgerMove.Count ? move.Quantity < 0 : move.Quantity <= 0)
            throw ValidationFailedException.For("quantity", move.Move == LedgerMove.Count ? "must not be negative." : "must be greater than zero.");
        var q = move.Quantity;
        var (onHand, committed) = move.Move switch
        {
            LedgerMove.Receive or LedgerMove.Return or LedgerMove.Scrap or LedgerMove.Produce => (q, 0m),
            LedgerMove.Allocate => (-q, q),
            LedgerMove.Remove or LedgerMove.Release => (q, -q),
            LedgerMove.Hold => (0m, 0m),
            LedgerMove.Use or LedgerMove.Reverse => (-q, 0m),
            LedgerMove.Consume => (0m, -q),
            LedgerMove.Count => (q - OnHand, 0m),
            _ => throw new ArgumentOutOfRangeException(nameof(move)),
        };
        if (OnHand + onHand < 0)
            throw new RuleConflictException(
                $"Only {Show(OnHand)} {Unit} of {Sku} {Name} on hand; {Show(q)} {Unit} asked.", blockers: [$"{Sku}: {Show(OnHand)} {Unit} on hand"]);
        if (Committed + committed < 0)
            throw new RuleConflictException($"{Sku} has only {Show(Committed)} {Unit} committed to jobs; {Show(q)} {Unit} cannot come back.");
        if (move.UnitCost is { } cost && onHand > 0) UnitCost = AverageCost(onHand, cost);
        OnHand += onHand;
        Committed += committed;
        _ledger.Add(new LedgerEntry(++LedgerSeq, change.At, change.By, move.Move, q, onHand,
            OnHand, Committed, UnitCost, move.JobId, move.StageId, move.Note ?? change.Reason));
        UpdatedBy = change.By;
        UpdatedAt = change.At;
    }

    public IReadOnlyList<LedgerEntry> TakeLedger()
    {
        var entries = _ledger.ToList();
        _ledger.Clear();
        return entries;
    }

    /// <summary>Moving average: stock received at a new price blends into the unit cost of what is already on hand.</summary>
    private decimal AverageCost(decimal added, decimal cost)
    {
        var total = Math.Max(0, OnHand) + Committed + added;
        return total == 0 ? cost : Math.Round((UnitCost * (Math.Max(0, OnHand) + Committed) + cost * added) / total, 4, MidpointRounding.AwayFromZero);
    }

    private void Apply(MaterialDraft draft, Checks checks)
    {
        var name = checks.Text("name", draft.Name, 120, required: true);
        var sku = checks.Text("sku", draft.Sku, 40, required: false) ?? Id;
        var unit = checks.Text("unit", draft.Unit, 10, required: true);
        if (unit is not null && !Units.Contains(unit)) checks.Fail("unit", $"must be one of {string.Join(", ", Units)}.");
        var cost = checks.Amount("unitCost", draft.UnitCost);
        var reorder = checks.Amount("reorderPoint", draft.ReorderPoint);
        var location = checks.Text("location", draft.Location, 60, required: false);
        var stone = draft.Kind == MaterialKind.Stone ? new StoneAttributes(
            checks.Text("shape", draft.Stone?.Shape, 40, false), checks.Text("size", draft.Stone?.Size, 40, false),
            checks.Text("color", draft.Stone?.Color, 40, false), checks.Text("clarity", draft.Stone?.Clarity, 40, false)) : null;
        var metal = draft.Kind == MaterialKind.Metal ? new MetalAttributes(
            checks.Text("metal", draft.Metal?.Metal, 40, true), checks.Text("karat", draft.Metal?.Karat, 20, false)) : null;
        checks.ThrowIfAny();
        (Name, Sku, Kind, Unit, UnitCost, ReorderPoint, Location, Stone, Metal) = (name!, sku, draft.Kind, unit!, cost, reorder, location, stone, metal);
    }

    private Dictionary<string, string?> Snapshot() => new()
    {
        ["name"] = Name, ["sku"] = Sku, ["kind"] = Kind.ToString(), ["unit"] = Unit, ["unitCost"] = Show(UnitCost),
        ["reorderPoint"] = Show(ReorderPoint), ["location"] = Location,
        ["stone"] = Stone is null ? null : string.Join(" / ", Stone.Shape, Stone.Size, Stone.Color, Stone.Clarity),
        ["metal"] = Metal is null ? null : string.Join(" ", Metal.Metal, Metal.Karat),
    };

    public static string Show(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

public sealed record StoneAttributes(string? Shape, string? Size, string? Color, string? Clarity);

public sealed record MetalAttributes(string? Metal, string? Karat);

public sealed record MaterialDraft(string? Name, string? Sku, MaterialKind Kind, string? Unit, decimal UnitCost, decimal ReorderPoint,
    string? Location, StoneAttributes? Stone, MetalAttributes? Metal, decimal OnHand = 0);
