using JewelBench.Core.Jobs;
using JewelBench.Core.Materials;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Materials;

/// <summary>Which stock movements each job command asks for; the store applies them in the same transaction.</summary>
public class JobAllocationTests
{
    private static readonly Material Stone = Material.Create("M-0001",
        new MaterialDraft("Diamond 0.10 ct", "DIA-10", MaterialKind.Stone, "pcs", 120, 0, null, null, null, 20), By());

    private static List<(LedgerMove, decimal)> Moves(Job job) => job.TakeMaterialMoves().Select(m => (m.Move, m.Quantity)).ToList();

    [Fact]
    public void AllocationCostsTheJobAtTheMaterialsUnitCost()
    {
        var job = Draft();

        var item = job.AllocateMaterial(Stone, 3, By());

        Assert.Equal(("DIA-10 Diamond 0.10 ct", 360m, Allocation.Allocated), (item.Description, item.Cost, item.Allocation));
        Assert.Equal([(LedgerMove.Allocate, 3m)], Moves(job));
    }

    [Fact]
    public void TheLifecycleHoldsConsumesAndReopenLeavesConsumption()
    {
        var job = Draft();
        job.AllocateMaterial(Stone, 2, By());
        job.TakeMaterialMoves();

        job.TransitionTo(JobStatus.InProduction, By());
        var held = Moves(job);
        job.Complete(new CompletionForm(null, "Rings", null, null, null, false, null), 1, By());
        var consumed = Moves(job);
        job.Reopen([], By(reason: "Resize"));

        Assert.Equal([(LedgerMove.Hold, 2m)], held);
        Assert.Equal([(LedgerMove.Consume, 2m)], consumed);
        Assert.Empty(Moves(job));
        Assert.Equal(Allocation.Consumed, job.Items[0].Allocation);
    }

    [Fact]
    public void CancelReleasesAndKeepsTheLineAsReleased()
    {
        var job = Draft();
        job.AllocateMaterial(Stone, 2, By());
        job.TakeMaterialMoves();

        job.TransitionTo(JobStatus.Canceled, By(reason: "Withdrawn"));

        Assert.Equal([(LedgerMove.Release, 2m)], Moves(job));
        Assert.Equal(Allocation.Released, job.Items[0].Allocation);
    }

    [Fact]
    public void OnlyTheQuantityOfAnInventoryLineChangesAndTheDifferenceMoves()
    {
        var job = Draft();
        var item = job.AllocateMaterial(Stone, 2, By());
        job.TakeMaterialMoves();

        job.EditItem(item.Id, new ItemEdits { Quantity = 5 }, By());
        var more = Moves(job);
        job.EditItem(item.Id, new ItemEdits { Quantity = 1 }, By());
        var less = Moves(job);

        Assert.Equal([(LedgerMove.Allocate, 3m)], more);
        Assert.Equal([(LedgerMove.Remove, 4m)], less);
        Assert.Throws<ValidationFailedException>(() => job.EditItem(item.Id, new ItemEdits { UnitCost = 1m }, By()));
    }

    [Fact]
    public void AStageSummaryExplainsWhatItCan()
    {
        var job = Draft();
        var stage = job.AddStage(new NewStage("Casting"), By());
        job.RecordAtStage(stage.Id, new NewStageRecord(FlowKind.Input, "Grain", 20, "g"), null, By());
        job.RecordAtStage(stage.Id, new NewStageRecord(FlowKind.Output, "Castings", 18, "g"), null, By());
        job.RecordAtStage(stage.Id, new NewStageRecord(FlowKind.Loss, "Sprue", 1.2m, "g", "M-0002", LossKind.Scrap, Value: 40), Gold(), By());
        job.EditStage(stage.Id, new StageEdits { MetalIn = 20m, MetalOut = 18m }, By());

        var summary = StageSummary.Of(job.Stages[0]);

        var grams = Assert.Single(summary.Flows);
        Assert.Equal((20m, 18m, 1.2m, 0.8m), (grams.Input, grams.Output, grams.Scrap, grams.Unexplained));
        Assert.Equal((2m, 10m, 0.8m), (summary.Metal!.Loss, summary.Metal.LossPercent, summary.Metal.Unexplained));
        var scrap = Assert.Single(job.TakeMaterialMoves());
        Assert.Equal(("M-0002-SCRAP", LedgerMove.Scrap, 1.2m, 33.3333m), (scrap.MaterialId, scrap.Move, scrap.Quantity, scrap.UnitCost));
    }

    private static Material Gold() => Material.Create("M-0002",
        new MaterialDraft("14k grain", null, MaterialKind.Metal, "g", 60, 0, null, null, new MetalAttributes("Gold", "14k")), By());
}
