using System.Globalization;
using JewelBench.Core.History;
using JewelBench.Core.Jobs;

namespace JewelBench.Core.Processes;

/// <summary>One stage of a process as the shop plans it; a job takes a copy with a due date instead of a duration.</summary>
public sealed record TemplateStage(string Name, string? Vendor, VendorKind VendorKind, decimal Cost, int? DurationDays);

/// <summary>A stage as sent: checked by <see cref="StageTemplate"/> before it becomes a <see cref="TemplateStage"/>.</summary>
public sealed record NewTemplateStage(string? Name, string? Vendor = null, VendorKind VendorKind = VendorKind.InHouse,
    decimal Cost = 0, int? DurationDays = null);

/// <summary>
/// A named, ordered list of stages the shop starts jobs from ("Casting → Setting → Polish"). Jobs keep copies of
/// the stages, so editing or retiring a process never changes a job already started from it.
/// </summary>
public sealed class StageTemplate : Recorded
{
    public const int MaxStages = 30;
    public const int MaxDurationDays = 365;

    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public bool Active { get; set; } = true;
    public List<TemplateStage> Stages { get; set; } = [];

    /// <summary>A new process is version 1; each edit that changes it adds one, and a job names the version it copied.</summary>
    public static StageTemplate Create(string id, string? name, IReadOnlyList<NewTemplateStage>? stages, Change change)
    {
        var checks = new Checks();
        var template = new StageTemplate
        {
            Id = id,
            Name = checks.Text("name", name, 80, required: true) ?? "",
            Stages = CheckStages(checks, stages ?? []),
            Version = 1,
        };
        checks.ThrowIfAny();
        template.Created(change);
        template.Record(change, "Created", $"Process {template.Name} created: {Describe(template.Stages)}");
        return template;
    }

    /// <summary>Replaces what is sent (null leaves it as it is); reordering is sending the stages in their new order.</summary>
    public void Edit(string? name, IReadOnlyList<NewTemplateStage>? stages, bool? active, Change change)
    {
        var checks = new Checks();
        var newName = name is null ? Name : checks.Text("name", name, 80, required: true) ?? Name;
        var newStages = stages is null ? Stages : CheckStages(checks, stages);
        checks.ThrowIfAny();

        if (newName != Name) Set(change, "name", "Name changed", Name, newName, () => Name = newName);
        if (!newStages.SequenceEqual(Stages))
        {
            var reordered = newStages.Count == Stages.Count && newStages.Order(ByValue).SequenceEqual(Stages.Order(ByValue));
            Set(change, "stages", reordered ? "Stages reordered" : "Stages changed", Describe(Stages), Describe(newStages), () => Stages = newStages);
        }
        if (active is { } a && a != Active)
            Set(change, "active", a ? "Process brought back" : "Process retired", Active ? "yes" : "no", a ? "yes" : "no", () => Active = a);
    }

    /// <summary>
    /// The stages as a job takes them: each due date is today plus the durations of the stages up to it
    /// (a stage without a duration has no due date and adds no days).
    /// </summary>
    public IReadOnlyList<NewStage> StagesStartingOn(DateOnly today)
    {
        var day = today;
        return Stages.Select(s =>
        {
            if (s.DurationDays is { } days) day = day.AddDays(days);
            return new NewStage(s.Name, s.Vendor, s.VendorKind, s.Cost, s.DurationDays is null ? null : day);
        }).ToList();
    }

    private static List<TemplateStage> CheckStages(Checks checks, IReadOnlyList<NewTemplateStage> stages)
    {
        if (stages.Count == 0) checks.Fail("stages", "must have at least one stage.");
        if (stages.Count > MaxStages) checks.Fail("stages", $"must have at most {MaxStages} stages.");
        return stages.Select((s, i) => new TemplateStage(
            checks.Text($"stages[{i}].name", s.Name, 80, required: true) ?? "",
            checks.Text($"stages[{i}].vendor", s.Vendor, 80, required: false),
            s.VendorKind,
            checks.Money($"stages[{i}].cost", s.Cost),
            s.DurationDays is { } d ? checks.Range($"stages[{i}].durationDays", d, 0, MaxDurationDays) : null)).ToList();
    }

    private void Set(Change change, string field, string summary, string from, string to, Action assign)
    {
        assign();
        Record(change, "Edited", summary, field, from, to);
    }

    private static readonly Comparer<TemplateStage> ByValue = Comparer<TemplateStage>.Create((a, b) =>
        string.CompareOrdinal(Describe(a), Describe(b)));

    /// <summary>"Casting (Acme, outside, 60.00, 5 days) → Polish (0.00)": what history keeps of a list of stages.</summary>
    private static string Describe(IEnumerable<TemplateStage> stages) => string.Join(" → ", stages.Select(Describe));

    private static string Describe(TemplateStage s)
    {
        var details = new List<string?>
        {
            s.Vendor, s.VendorKind == VendorKind.Outside ? "outside" : null,
            s.Cost.ToString("0.00", CultureInfo.InvariantCulture),
            s.DurationDays is { } d ? (d == 1 ? "1 day" : $"{d} days") : null,
        };
        return $"{s.Name} ({string.Join(", ", details.Where(x => x is not null))})";
    }
}
