using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class JobStageTests
{
    [Fact]
    public void AddedStageIsPendingAtTheEndAndRecorded()
    {
        var job = Draft();
        job.WithStage("Casting");

        var stage = job.AddStage(new NewStage(" Setting ", "Stone Co", VendorKind.Outside, 40m), By("ben", day: 2));

        Assert.Equal(["Casting", "Setting"], job.Stages.Select(s => s.Name));
        Assert.Equal((StageStatus.Pending, "Stone Co", VendorKind.Outside, 40m), (stage.Status, stage.Vendor, stage.VendorKind, stage.Cost));
        var added = Assert.Single(job.PendingEvents);
        Assert.Equal(("StageAdded", "stage", null, "Setting", "ben"), (added.Action, added.Field, added.From, added.To, added.By));
    }

    [Fact]
    public void StagesGetDistinctIds()
    {
        var job = Draft();

        var ids = new[] { job.WithStage("Casting").Id, job.WithMaterial().Id, job.WithStage("Polish").Id };

        Assert.Equal(3, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(null, 0, "name")]
    [InlineData("  ", 0, "name")]
    [InlineData("Casting", -0.01, "cost")]
    [InlineData("Casting", 10000000.01, "cost")]
    public void InvalidStageIsRefused(string? name, decimal cost, string field)
    {
        var job = Draft();

        var error = Assert.Throws<ValidationFailedException>(() => job.AddStage(new NewStage(name, Cost: cost), By()));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Empty(job.Stages);
    }

    [Fact]
    public void StageNameLongerThan80IsRefused()
    {
        var error = Assert.Throws<ValidationFailedException>(() => Draft().AddStage(new NewStage(new string('n', 81)), By()));

        Assert.Contains("name", error.Errors.Keys);
    }

    [Fact]
    public void EditingAStageRecordsEachChange()
    {
        var job = Draft();
        var stage = job.WithStage("Casting", cost: 10m);

        job.EditStage(stage.Id, new StageEdits { Name = "Lost-wax casting", Cost = 12.5m }, By("ben", reason: "quote"));

        Assert.Equal(("Lost-wax casting", 12.5m), (stage.Name, stage.Cost));
        Assert.Collection(job.PendingEvents,
            e => Assert.Equal(("stage Casting name", "Casting", "Lost-wax casting"), (e.Field, e.From, e.To)),
            e => Assert.Equal(("stage Casting cost", "10.00", "12.50"), (e.Field, e.From, e.To)));
        Assert.All(job.PendingEvents, e => Assert.Equal(("ben", "quote"), (e.By, e.Reason)));
    }

    [Fact]
    public void RefusedStageEditChangesNothing()
    {
        var job = Draft();
        var stage = job.WithStage("Casting", cost: 10m);

        Assert.Throws<ValidationFailedException>(() =>
            job.EditStage(stage.Id, new StageEdits { Name = "Cast", Cost = -1m, Status = StageStatus.Done }, By()));

        Assert.Equal(("Casting", 10m, StageStatus.Pending), (stage.Name, stage.Cost, stage.Status));
        Assert.Empty(job.PendingEvents);
    }

    [Fact]
    public void StartingAStageSetsStartedAt()
    {
        var job = InProduction();
        var stage = job.WithStage("Casting");

        job.EditStage(stage.Id, new StageEdits { Status = StageStatus.InProgress }, By(day: 3));

        Assert.Equal(Day(3), stage.StartedAt);
        Assert.Null(stage.FinishedAt);
        Assert.Equal(("stage Casting status", "Pending", "InProgress"), (job.PendingEvents[0].Field, job.PendingEvents[0].From, job.PendingEvents[0].To));
    }

    [Fact]
    public void FinishingAStageSetsFinishedAtAndKeepsStartedAt()
    {
        var job = InProduction();
        var stage = job.WithStage("Casting");
        job.EditStage(stage.Id, new StageEdits { Status = StageStatus.InProgress }, By(day: 3));

        job.EditStage(stage.Id, new StageEdits { Status = StageStatus.Done }, By(day: 5));

        Assert.Equal(Day(3), stage.StartedAt);
        Assert.Equal(Day(5), stage.FinishedAt);
    }

    [Fact]
    public void ReopeningADoneStageClearsFinishedAt()
    {
        var job = InProduction();
        var stage = job.WithStage("Casting", status: StageStatus.Done);

        job.EditStage(stage.Id, new StageEdits { Status = StageStatus.InProgress }, By(day: 6));

        Assert.Null(stage.FinishedAt);
    }

    [Theory]
    [InlineData(2, 0, new[] { "Polish", "Casting", "Setting" })]
    [InlineData(0, 2, new[] { "Setting", "Polish", "Casting" })]
    [InlineData(1, 1, new[] { "Casting", "Setting", "Polish" })]
    public void PositionReordersStages(int from, int to, string[] expected)
    {
        var job = Draft();
        var stages = new[] { job.WithStage("Casting"), job.WithStage("Setting"), job.WithStage("Polish") };

        job.EditStage(stages[from].Id, new StageEdits { Position = to }, By());

        Assert.Equal(expected, job.Stages.Select(s => s.Name));
        Assert.Equal(from == to ? 0 : 1, job.PendingEvents.Count);
    }

    [Fact]
    public void MovingAStageRecordsOneBasedPositions()
    {
        var job = Draft();
        job.WithStage("Casting");
        var polish = job.WithStage("Polish");

        job.EditStage(polish.Id, new StageEdits { Position = 0 }, By());

        var moved = Assert.Single(job.PendingEvents);
        Assert.Equal(("stage Polish position", "2", "1"), (moved.Field, moved.From, moved.To));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void PositionOutsideTheListIsRefused(int position)
    {
        var job = Draft();
        var casting = job.WithStage("Casting");
        job.WithStage("Polish");

        var error = Assert.Throws<ValidationFailedException>(() => job.EditStage(casting.Id, new StageEdits { Position = position }, By()));

        Assert.Equal(["position"], error.Errors.Keys);
        Assert.Equal(["Casting", "Polish"], job.Stages.Select(s => s.Name));
    }

    [Fact]
    public void RemovingAStageRecordsItsName()
    {
        var job = InProduction();
        var stage = job.WithStage("Casting");

        job.RemoveStage(stage.Id, By());

        Assert.Empty(job.Stages);
        var removed = Assert.Single(job.PendingEvents);
        Assert.Equal(("StageRemoved", "Casting", null), (removed.Action, removed.From, removed.To));
    }

    [Fact]
    public void UnknownStageIdIsNotFound()
    {
        var job = Draft();
        job.WithStage("Casting");

        Assert.Throws<NotFoundException>(() => job.EditStage("s99", new StageEdits { Name = "X" }, By()));
        Assert.Throws<NotFoundException>(() => job.RemoveStage("s99", By()));
    }

    [Fact]
    public void StagesOfACompletedJobCannotChange()
    {
        var (job, _) = Completed();

        Assert.Throws<RuleConflictException>(() => job.AddStage(new NewStage("Polish"), By()));
    }

    [Fact]
    public void AStageCostMustBeInWholeCentsSoSplitsAddUp()
    {
        var job = InProduction();

        var error = Assert.Throws<ValidationFailedException>(() => job.AddStage(new NewStage("Casting", Cost: 100.005m), By()));

        Assert.Equal(["cost"], error.Errors.Keys);
        Assert.Empty(job.Stages);
    }
}
