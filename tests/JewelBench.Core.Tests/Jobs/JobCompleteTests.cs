using JewelBench.Core.Board;
using JewelBench.Core.Jobs;
using JewelBench.Core.Stock;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class JobCompleteTests
{
    [Fact]
    public void OnlyAJobInProductionCanBeCompleted()
    {
        var job = Draft();
        job.WithMaterial();

        var error = Assert.Throws<RuleConflictException>(() => job.Complete(Form(), 1, By()));

        Assert.Equal(["InProduction", "Canceled"], error.Allowed);
        Assert.Equal(JobStatus.Draft, job.Status);
    }

    [Fact]
    public void CompletedJobCannotBeCompletedAgain()
    {
        var (job, _) = Completed();

        Assert.Throws<RuleConflictException>(() => job.Complete(Form(), 10, By()));
    }

    [Fact]
    public void OpenStagesBlockCompletionAndAreNamed()
    {
        var job = ReadyToComplete();
        job.WithStage("Casting", status: StageStatus.Done);
        job.WithStage("Setting", status: StageStatus.InProgress);
        job.WithStage("Polish");
        job.WithStage("Plating", status: StageStatus.Skipped);

        var error = Assert.Throws<RuleConflictException>(() => job.Complete(Form(), 1, By()));

        Assert.Equal(["Stage Setting is InProgress", "Stage Polish is Pending"], error.Blockers);
        Assert.Equal(JobStatus.InProduction, job.Status);
        Assert.Null(job.Completion);
        Assert.Empty(job.PendingEvents);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void CategoryIsRequired(string? category)
    {
        var job = ReadyToComplete();

        var error = Assert.Throws<ValidationFailedException>(() => job.Complete(Form(category: category), 1, By()));

        Assert.Equal(["category"], error.Errors.Keys);
        Assert.Equal(JobStatus.InProduction, job.Status);
    }

    [Fact]
    public void NegativeRetailPriceIsRefused()
    {
        var error = Assert.Throws<ValidationFailedException>(() => ReadyToComplete().Complete(Form(retailPrice: -1m), 1, By()));

        Assert.Equal(["retailPrice"], error.Errors.Keys);
    }

    [Fact]
    public void TitleDefaultsToTheDescriptionAndLocationToTheStore()
    {
        var job = Draft(description: "Emerald ring", store: "Uptown");
        job.TransitionTo(JobStatus.InProduction, By());

        var piece = Assert.Single(job.Complete(Form(), 1, By()));

        Assert.Equal(("Emerald ring", "Uptown", "In-house"), (piece.Title, piece.StorageLocation, piece.Vendor));
    }

    [Fact]
    public void FormTitleAndLocationWin()
    {
        var piece = Assert.Single(ReadyToComplete().Complete(Form(title: "Ring #4", storageLocation: "Safe B"), 1, By()));

        Assert.Equal(("Ring #4", "Safe B"), (piece.Title, piece.StorageLocation));
    }

    [Fact]
    public void BatchMakesOneStockItemCarryingTheWholeCost()
    {
        var job = ReadyToComplete(cost: 100m, quantity: 3, id: "J-2002");

        var piece = Assert.Single(job.Complete(Form(separate: false, retailPrice: 60m), 7, By()));

        Assert.Equal(("S-00007", "J-2002", 3, 100m), (piece.StockId, piece.Sku, piece.Quantity, piece.CostBasis));
        Assert.Equal(33.3333m, piece.UnitCost);
        Assert.Equal((StockStatus.Available, "J-2002", (decimal?)60m), (piece.Status, piece.JobId, piece.RetailPrice));
    }

    [Fact]
    public void SeparateMakesOnePiecePerUnitWithItsOwnSku()
    {
        var job = ReadyToComplete(cost: 100m, quantity: 3);

        var pieces = job.Complete(Form(separate: true), 12, By());

        Assert.Equal(["S-00012", "S-00013", "S-00014"], pieces.Select(p => p.StockId));
        Assert.All(pieces, p => Assert.Equal((p.StockId, 1), (p.Sku, p.Quantity)));
        Assert.Equal([33.34m, 33.33m, 33.33m], pieces.Select(p => p.CostBasis));
        Assert.Equal(100m, pieces.Sum(p => p.CostBasis));
    }

    [Fact]
    public void FormQuantityOverridesTheJobQuantity()
    {
        var pieces = ReadyToComplete(cost: 90m, quantity: 3).Complete(Form(separate: true, quantity: 2), 1, By());

        Assert.Equal([45m, 45m], pieces.Select(p => p.CostBasis));
    }

    [Fact]
    public void MoreSeparatePiecesThanTheCapAreRefused()
    {
        var job = ReadyToComplete(quantity: Job.MaxSeparatePieces + 1);

        var error = Assert.Throws<ValidationFailedException>(() => job.Complete(Form(separate: true), 1, By()));

        Assert.Equal(["quantity"], error.Errors.Keys);
        Assert.Equal(Job.MaxSeparatePieces, job.Complete(Form(separate: true, quantity: Job.MaxSeparatePieces), 1, By()).Count);
    }

    [Fact]
    public void LargeBatchIsNotCappedBySeparatePieces()
    {
        var piece = Assert.Single(ReadyToComplete(quantity: 500).Complete(Form(separate: false), 1, By()));

        Assert.Equal(500, piece.Quantity);
    }

    [Fact]
    public void CompletedJobLeavesTheBoardAndRemembersItsPieces()
    {
        var job = ReadyToComplete(cost: 100m, quantity: 2);

        job.Complete(Form(category: "Rings", separate: true), 1, By("ben", day: 9));

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Null(BoardCard.For(job));
        var completion = Assert.IsType<Completion>(job.Completion);
        Assert.Equal(["S-00001", "S-00002"], completion.Pieces);
        Assert.Equal(("Rings", 2, true, 100m, "ben", Day(9)),
            (completion.Category, completion.Quantity, completion.SeparateItems, completion.CostBasis, completion.CompletedBy, completion.CompletedAt));
    }

    [Fact]
    public void CompletionRecordsCompletedAndInventoryCreated()
    {
        var job = ReadyToComplete(quantity: 2);

        job.Complete(Form(separate: true), 1, By("ben", day: 9));

        Assert.Collection(job.PendingEvents,
            e => Assert.Equal(("Completed", "InProduction", "Completed"), (e.Action, e.From, e.To)),
            e => Assert.Equal(("InventoryCreated", "pieces", "S-00001, S-00002"), (e.Action, e.Field, e.To)));
        Assert.All(job.PendingEvents, e => Assert.Equal(("ben", Day(9)), (e.By, e.At)));
    }

    [Fact]
    public void EachPieceStartsItsOwnHistory()
    {
        var piece = Assert.Single(ReadyToComplete().Complete(Form(), 1, By("ben", day: 9)));

        var created = Assert.Single(piece.PendingEvents);
        Assert.Equal((1, "Created", "ben", Day(9)), (created.Seq, created.Action, created.By, created.At));
        Assert.Equal(("ben", Day(9)), (piece.CreatedBy, piece.CreatedAt));
    }

    [Fact]
    public void CompletingIsRefusedWhileTheJobIsOnHold()
    {
        var job = ReadyToComplete();
        job.Edit(new JobEdits { OnHold = true }, By(reason: "Waiting on the customer"));

        var error = Assert.Throws<RuleConflictException>(() => job.Complete(Form(), 1, By(day: 2)));

        Assert.Equal(["The job is on hold"], error.Blockers);
        Assert.Equal(JobStatus.InProduction, job.Status);
    }
}
