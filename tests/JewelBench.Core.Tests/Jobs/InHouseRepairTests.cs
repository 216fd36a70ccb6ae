using JewelBench.Core.Jobs;
using JewelBench.Core.Stock;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class InHouseRepairTests
{
    private static StockItem Piece() =>
        StockItem.FromJob("S-00007", null, "Emerald ring", "Rings", "In-house", "Case 1", 1, 400m, 900m, "P-0001", By());

    private static Job RepairOf(StockItem piece, decimal labor = 60m)
    {
        var job = Job.Create("R-0001", new NewJob("Re-polish and retip", JobModule.Repair, RepairOf: piece.StockId,
            Intake: new NewIntake(piece.Title, null, null, "Prong worn")), By());
        job.AddItem(new NewItem(ItemKind.Labor, "Retip", 1, null, labor), By());
        job.TransitionTo(JobStatus.InProgress, By(day: 1));
        job.TakeEvents();
        return job;
    }

    [Fact]
    public void AnInHouseRepairNeedsNoCustomerAndEndsCompletedNotAtPickup()
    {
        var job = RepairOf(Piece());

        Assert.Null(job.CustomerId);
        Assert.Contains(JobStatus.Completed, job.AllowedTransitions);
        Assert.DoesNotContain(JobStatus.ReadyForPickup, job.AllowedTransitions);
    }

    [Fact]
    public void CompletingRollsTheRepairCostOntoThePiecesCostBasis()
    {
        var piece = Piece();
        var job = RepairOf(piece);

        job.CompleteRepair(piece, By(day: 2));

        Assert.Equal((JobStatus.Completed, 460m, 460m), (job.Status, piece.CostBasis, piece.UnitCost));
        Assert.Equal(60m, job.CostRolled!.Amount);
        Assert.Contains(piece.PendingEvents, e => e.Field == "costBasis" && e.From == "400.00" && e.To == "460.00");
    }

    [Fact]
    public void ReopeningTakesOffExactlyWhatCompletingAdded()
    {
        var piece = Piece();
        var job = RepairOf(piece);
        job.CompleteRepair(piece, By(day: 2));

        Assert.Throws<ValidationFailedException>(() => job.ReopenRepair(piece, By()));
        job.ReopenRepair(piece, By(day: 3, reason: "Stone still loose"));

        Assert.Equal((JobStatus.InProgress, 400m), (job.Status, piece.CostBasis));
        Assert.Null(job.CostRolled);
    }

    [Fact]
    public void ASoldPieceKeepsItsCostAndBlocksReopen()
    {
        var piece = Piece();
        var job = RepairOf(piece);
        job.CompleteRepair(piece, By(day: 2));
        piece.Sell(By(day: 3));

        var error = Assert.Throws<RuleConflictException>(() => job.ReopenRepair(piece, By(reason: "Oops")));

        Assert.Equal(["S-00007 is Sold"], error.Blockers);
        Assert.Equal((JobStatus.Completed, 460m), (job.Status, piece.CostBasis));
    }

    [Fact]
    public void ARepairIsOfACustomersPieceOrTheShopsNotBoth()
    {
        var error = Assert.Throws<ValidationFailedException>(() => Job.Create("R-0002", new NewJob("Both", JobModule.Repair, Customer: "Mia",
            CustomerId: "cu-1", RepairOf: "S-00007", Intake: new NewIntake("Ring", null, null, null)), By()));

        Assert.Contains("stockId", error.Errors.Keys);
    }
}
