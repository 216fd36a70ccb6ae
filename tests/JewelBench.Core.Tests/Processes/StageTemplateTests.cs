using JewelBench.Core.Jobs;
using JewelBench.Core.Processes;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Processes;

public class StageTemplateTests
{
    private static readonly NewTemplateStage Casting = new("Casting", "Acme Casting", VendorKind.Outside, 60m, 5);
    private static readonly NewTemplateStage Setting = new("Setting", Cost: 40m, DurationDays: 2);
    private static readonly NewTemplateStage Polish = new("Polish", Cost: 15m);

    private static StageTemplate Saved(params NewTemplateStage[] stages)
    {
        var process = StageTemplate.Create("p-1", "Casting line", stages.Length > 0 ? stages : [Casting, Setting, Polish], By());
        process.TakeEvents();
        return process;
    }

    [Fact]
    public void ANewProcessIsVersionOneActiveAndRecorded()
    {
        var process = StageTemplate.Create("p-1", "  Casting line ", [Casting, Polish], By("ben"));

        Assert.Equal(("Casting line", true, 1), (process.Name, process.Active, process.Version));
        Assert.Equal(new TemplateStage("Casting", "Acme Casting", VendorKind.Outside, 60m, 5), process.Stages[0]);
        var created = Assert.Single(process.PendingEvents);
        Assert.Equal(("Created", "ben"), (created.Action, created.By));
        Assert.Contains("Casting (Acme Casting, outside, 60.00, 5 days) → Polish (15.00)", created.Summary);
    }

    [Fact]
    public void EveryBadFieldIsNamedWithTheStageItBelongsTo()
    {
        var error = Assert.Throws<ValidationFailedException>(() => StageTemplate.Create("p-1", new string('n', 81), [
            new NewTemplateStage(" "),
            new NewTemplateStage(new string('s', 81), new string('v', 81), Cost: -1m, DurationDays: 366),
            new NewTemplateStage("Polish", Cost: 1.005m, DurationDays: -1),
        ], By()));

        Assert.Equal(
            ["name", "stages[0].name", "stages[1].cost", "stages[1].durationDays", "stages[1].name", "stages[1].vendor",
                "stages[2].cost", "stages[2].durationDays"],
            error.Errors.Keys.Order());
    }

    [Fact]
    public void AProcessHasOneToThirtyStages()
    {
        var none = Assert.Throws<ValidationFailedException>(() => StageTemplate.Create("p-1", "Empty", [], By()));
        var many = Assert.Throws<ValidationFailedException>(() => StageTemplate.Create("p-1", "Long",
            Enumerable.Range(1, 31).Select(i => new NewTemplateStage($"Stage {i}")).ToList(), By()));

        Assert.Equal(["stages"], none.Errors.Keys);
        Assert.Equal(["stages"], many.Errors.Keys);
        Assert.Equal(30, StageTemplate.Create("p-1", "Thirty", Enumerable.Range(1, 30).Select(i => new NewTemplateStage($"Stage {i}")).ToList(), By()).Stages.Count);
    }

    [Fact]
    public void ReorderingIsSendingTheStagesInANewOrderAndHistoryKeepsBothOrders()
    {
        var process = Saved();

        process.Edit(null, [Setting, Casting, Polish], null, By("ana", 1, "Set before casting"));

        Assert.Equal(["Setting", "Casting", "Polish"], process.Stages.Select(s => s.Name));
        var reordered = Assert.Single(process.PendingEvents);
        Assert.Equal(("Stages reordered", "stages", "ana", "Set before casting"), (reordered.Summary, reordered.Field, reordered.By, reordered.Reason));
        Assert.StartsWith("Casting (", reordered.From);
        Assert.StartsWith("Setting (", reordered.To);
    }

    [Fact]
    public void EditingRecordsEachFieldFromAndTo()
    {
        var process = Saved();

        process.Edit("Casting line B", [Casting, Polish with { Cost = 20m }], false, By());

        Assert.Equal(["name", "stages", "active"], process.PendingEvents.Select(e => e.Field));
        Assert.Equal(("Casting line", "Casting line B"), (process.PendingEvents[0].From, process.PendingEvents[0].To));
        Assert.Equal("Stages changed", process.PendingEvents[1].Summary);
        Assert.EndsWith("Polish (20.00)", process.PendingEvents[1].To);
        Assert.Equal(("Process retired", "yes", "no"), (process.PendingEvents[2].Summary, process.PendingEvents[2].From, process.PendingEvents[2].To));
        Assert.False(process.Active);
    }

    [Fact]
    public void AnEditThatChangesNothingRecordsNothing()
    {
        var process = Saved();

        process.Edit("Casting line", [Casting, Setting, Polish], true, By());

        Assert.Empty(process.PendingEvents);
    }

    [Fact]
    public void ABadEditChangesNothing()
    {
        var process = Saved();

        Assert.Throws<ValidationFailedException>(() => process.Edit("Renamed", [new NewTemplateStage(null)], null, By()));

        Assert.Equal(("Casting line", 3), (process.Name, process.Stages.Count));
        Assert.Empty(process.PendingEvents);
    }

    [Fact]
    public void DueDatesAddUpTheDurationsFromToday()
    {
        var process = Saved(Casting, Polish, Setting);

        var stages = process.StagesStartingOn(new DateOnly(2025, 3, 3));

        Assert.Equal([new DateOnly(2025, 3, 8), null, new DateOnly(2025, 3, 10)], stages.Select(s => s.DueDate));
    }

    [Fact]
    public void AJobStartedFromAProcessHoldsCopiesThatLaterEditsNeverReach()
    {
        var process = Saved();
        var job = Draft();

        job.StartFrom(process, new DateOnly(2025, 3, 3), By());
        process.Edit("Renamed", [Polish], null, By(day: 1));

        Assert.Equal(["Casting", "Setting", "Polish"], job.Stages.Select(s => s.Name));
        Assert.Equal((60m, "Acme Casting", VendorKind.Outside, StageStatus.Pending), (job.Stages[0].Cost, job.Stages[0].Vendor, job.Stages[0].VendorKind, job.Stages[0].Status));
        Assert.Equal(new ProcessRef("p-1", "Casting line", 1), job.Process);
        Assert.Equal(["StagesFromProcess", "StageAdded", "StageAdded", "StageAdded"], job.PendingEvents.Select(e => e.Action));
    }

    [Fact]
    public void AddingStagesFromAProcessAppendsThemAfterTheJobsOwn()
    {
        var job = Draft();
        job.WithStage("Design");

        job.AddStagesFrom(Saved(), new DateOnly(2025, 3, 3), By());

        Assert.Equal(["Design", "Casting", "Setting", "Polish"], job.Stages.Select(s => s.Name));
        Assert.Null(job.Process);
    }

    [Fact]
    public void ARetiredProcessIsRefusedAndTheJobUnchanged()
    {
        var process = Saved();
        process.Edit(null, null, false, By());
        var job = Draft();

        var error = Assert.Throws<ValidationFailedException>(() => job.StartFrom(process, new DateOnly(2025, 3, 3), By()));

        Assert.Equal(["processId"], error.Errors.Keys);
        Assert.Empty(job.Stages);
        Assert.Null(job.Process);
        Assert.Empty(job.PendingEvents);
    }
}
