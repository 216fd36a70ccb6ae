using JewelBench.Core.Board;
using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Board;

public class BoardCardTests
{
    [Fact]
    public void DraftJobIsInTheShop()
    {
        var card = BoardCard.For(Draft(id: "J-7", description: "Pearl strand", customer: "Mrs Lee", rush: true));

        Assert.NotNull(card);
        Assert.Equal((Lane.InShop, "J-7", "Pearl strand", "Mrs Lee", true, JobStatus.Draft),
            (card.Lane, card.JobId, card.Description, card.Customer, card.Rush, card.Status));
    }

    [Fact]
    public void JobInProductionIsInProgress()
    {
        Assert.Equal(Lane.InProgress, BoardCard.For(InProduction())?.Lane);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JobOnHoldIsInTheOnHoldLane(bool started)
    {
        var job = started ? InProduction() : Draft();
        job.Edit(new JobEdits { OnHold = true }, By(day: 3));

        var card = BoardCard.For(job);

        Assert.Equal((Lane.OnHold, Day(3)), (card?.Lane, card?.LaneSince));
    }

    [Fact]
    public void CanceledJobLeavesTheBoard()
    {
        var job = InProduction();
        job.TransitionTo(JobStatus.Canceled, By(reason: "customer withdrew"));

        Assert.Null(BoardCard.For(job));
        Assert.Null(BoardCard.LaneOf(job));
    }

    [Fact]
    public void CompletedJobLeavesTheBoard()
    {
        Assert.Null(BoardCard.For(Completed().Job));
    }

    [Fact]
    public void JobWithNoStageInProgressIsAtTheBenchOfItsStore()
    {
        var job = InProduction(store: "Uptown");
        job.WithStage("Casting", kind: VendorKind.Outside, vendor: "Cast Co");

        Assert.Equal("Bench · Uptown", BoardCard.For(job)?.Location);
    }

    [Fact]
    public void InHouseStageInProgressIsAtTheBench()
    {
        var job = InProduction();
        job.WithStage("Setting", status: StageStatus.InProgress);

        Assert.Equal("Bench · Main", BoardCard.For(job)?.Location);
    }

    [Fact]
    public void OutsideStageInProgressIsOutAtTheVendor()
    {
        var job = InProduction();
        job.WithStage("Casting", status: StageStatus.Done, kind: VendorKind.Outside, vendor: "Old Co");
        job.WithStage("Plating", status: StageStatus.InProgress, kind: VendorKind.Outside, vendor: "Rhodium Co");

        Assert.Equal("Out at Rhodium Co", BoardCard.For(job)?.Location);
    }

    [Fact]
    public void OutsideStageWithoutVendorShowsTheStageName()
    {
        var job = InProduction();
        job.WithStage("Engraving", status: StageStatus.InProgress, kind: VendorKind.Outside);

        Assert.Equal("Out at Engraving", BoardCard.For(job)?.Location);
    }

    [Fact]
    public void OrderPutsRushFirstThenNewestFirst()
    {
        var cards = new[]
        {
            Card("J-1", rush: false, day: 1), Card("J-2", rush: true, day: 1),
            Card("J-3", rush: false, day: 5), Card("J-4", rush: true, day: 3),
        };

        Assert.Equal(["J-4", "J-2", "J-3", "J-1"], BoardCard.Order(cards).Select(c => c.JobId));
    }

    [Fact]
    public void OrderBreaksTiesByJobIdNewestFirst()
    {
        var cards = new[] { Card("J-10", rush: false, day: 1), Card("J-11", rush: false, day: 1) };

        Assert.Equal(["J-11", "J-10"], BoardCard.Order(cards).Select(c => c.JobId));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.9, 0)]
    [InlineData(1, 1)]
    [InlineData(6.5, 6)]
    [InlineData(-2, 0)]
    public void DaysInLaneCountsWholeDaysSinceTheLaneWasEntered(double daysLater, int expected)
    {
        var card = Card("J-1", rush: false, day: 0);

        Assert.Equal(expected, card.DaysInLane(Day(0).AddDays(daysLater)));
    }

    private static BoardCard Card(string id, bool rush, int day) => BoardCard.For(Draft(id: id, rush: rush, day: day))!;
}
