using JewelBench.Core.Processes;

namespace JewelBench.Core.Jobs;

/// <summary>The process a job was started from, as it was then: its name and the version whose stages were copied.</summary>
public sealed record ProcessRef(string Id, string Name, int Version);

public sealed partial class Job
{
    /// <summary>The process this job was started from, if any; the job holds copies of its stages, not a link to them.</summary>
    public ProcessRef? Process { get; set; }

    /// <summary>A new job takes a process's stages and remembers which process (and version) it started from.</summary>
    public void StartFrom(StageTemplate process, DateOnly today, Change change)
    {
        AddStagesFrom(process, today, change);
        Process = new ProcessRef(process.Id, process.Name, process.Version);
    }

    /// <summary>
    /// Appends copies of a process's stages, due dates counted from today; later edits of the process never
    /// reach them. A retired process is not offered any more.
    /// </summary>
    public IReadOnlyList<Stage> AddStagesFrom(StageTemplate process, DateOnly today, Change change)
    {
        EnsureOpen("given new stages");
        if (!process.Active) throw ValidationFailedException.For("processId", $"{process.Name} is retired: bring it back or choose another process.");
        Record(change, "StagesFromProcess", $"Stages added from process {process.Name} (v{process.Version})",
            "process", null, $"{process.Name} (v{process.Version})");
        return process.StagesStartingOn(today).Select(s => AddStage(s, change)).ToList();
    }

    public Stage AddStage(NewStage draft, Change change)
    {
        EnsureOpen("given new stages");
        var checks = new Checks();
        var name = checks.Text("name", draft.Name, 80, required: true);
        var vendor = checks.Text("vendor", draft.Vendor, 80, required: false);
        var cost = checks.Money("cost", draft.Cost);
        var notes = checks.Text("notes", draft.Notes, 1000, required: false);
        checks.ThrowIfAny();

        var stage = new Stage
        {
            Id = NextLineId("s"), Name = name!, Vendor = vendor, VendorKind = draft.VendorKind, Cost = cost,
            DueDate = draft.DueDate, Notes = notes, Status = StageStatus.Pending,
        };
        Stages.Add(stage);
        Record(change, "StageAdded", $"Stage {stage.Name} added", "stage", null, stage.Name);
        return stage;
    }

    public void EditStage(string stageId, StageEdits edits, Change change)
    {
        EnsureOpen("changed");
        var stage = FindStage(stageId);
        var checks = new Checks();
        var name = edits.Name.HasValue ? checks.Text("name", edits.Name.Value, 80, true) : stage.Name;
        var vendor = edits.Vendor.HasValue ? checks.Text("vendor", edits.Vendor.Value, 80, false) : stage.Vendor;
        var cost = edits.Cost.HasValue ? checks.Money("cost", edits.Cost.Value) : stage.Cost;
        var notes = edits.Notes.HasValue ? checks.Text("notes", edits.Notes.Value, 1000, false) : stage.Notes;
        var metalIn = edits.MetalIn.HasValue ? Grams(checks, "metalIn", edits.MetalIn.Value) : stage.MetalIn;
        var metalOut = edits.MetalOut.HasValue ? Grams(checks, "metalOut", edits.MetalOut.Value) : stage.MetalOut;
        if (metalOut is not null && metalIn is null) checks.Fail("metalIn", "is needed before metal out: weigh what went in first.");
        if (metalOut > metalIn) checks.Fail("metalOut", "cannot be more than the metal that went in.");
        var position = edits.Position.HasValue ? checks.Range("position", edits.Position.Value, 0, Stages.Count - 1) : Stages.IndexOf(stage);
        checks.ThrowIfAny();

        var label = $"stage {stage.Name}";
        Set(change, $"{label} name", stage.Name, name!, v => stage.Name = v);
        Set(change, $"{label} vendor", stage.Vendor, vendor, v => stage.Vendor = v);
        Set(change, $"{label} vendor kind", stage.VendorKind, edits.VendorKind.HasValue ? edits.VendorKind.Value : stage.VendorKind, v => stage.VendorKind = v);
        Set(change, $"{label} cost", stage.Cost, cost, v => stage.Cost = v);
        Set(change, $"{label} due date", stage.DueDate, edits.DueDate.HasValue ? edits.DueDate.Value : stage.DueDate, v => stage.DueDate = v);
        Set(change, $"{label} notes", stage.Notes, notes, v => stage.Notes = v);
        Set(change, $"{label} status", stage.Status, edits.Status.HasValue ? edits.Status.Value : stage.Status, v =>
        {
            stage.Status = v;
            if (v == StageStatus.InProgress) stage.StartedAt ??= change.At;
            stage.FinishedAt = v is StageStatus.Done or StageStatus.Skipped ? change.At : null;
        });
        Set(change, $"{label} metal in (g)", stage.MetalIn, metalIn, v => stage.MetalIn = v);
        Set(change, $"{label} metal out (g)", stage.MetalOut, metalOut, v => stage.MetalOut = v);
        Set(change, $"{label} position", Stages.IndexOf(stage) + 1, position + 1, _ =>
        {
            Stages.Remove(stage);
            Stages.Insert(position, stage);
        });
    }

    public void RemoveStage(string stageId, Change change)
    {
        EnsureOpen("changed");
        var stage = FindStage(stageId);
        Stages.Remove(stage);
        Record(change, "StageRemoved", $"Stage {stage.Name} removed", "stage", stage.Name, null);
    }

    private static decimal? Grams(Checks checks, string field, decimal? grams) => grams is { } g ? checks.Amount(field, g) : null;

    private Stage FindStage(string stageId) =>
        Stages.FirstOrDefault(s => s.Id == stageId) ?? throw new NotFoundException($"Stage {stageId} is not on job {Id}.");
}
