using JewelBench.Core.Board;
using JewelBench.Core.Invoices;
using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class CustomerJobTests
{
    private static Job Repair(int day = 0, bool rush = false)
    {
        var job = Job.Create("R-0001", new NewJob("Size from 6 to 7", JobModule.Repair, Rush: rush, Customer: "Mia Chen", CustomerId: "cu-1",
            Intake: new NewIntake("Ladies 14k band", "14k yellow", null, "Light scratches")), By(day: day));
        job.TakeEvents();
        return job;
    }

    /// <summary>A repair with 60.00 of approved work and a 20.00 deposit, at the bench.</summary>
    private static Job Quoted()
    {
        var job = Repair();
        job.SetQuote([new NewQuoteLine("t-1", "Ring sizing up", 1, 45m), new NewQuoteLine(null, "Polish", 1, 15m)], By());
        job.ApproveQuote(ApprovalChannel.Phone, "Mia Chen", null, By());
        job.TakeDeposit(20m, PaymentMethod.Card, By());
        job.TransitionTo(JobStatus.InProgress, By(day: 1));
        job.TakeEvents();
        return job;
    }

    [Fact]
    public void ARepairStartsReceivedInTheInShopLaneWithItsCustomerAndPiece()
    {
        var job = Repair();

        Assert.Equal(JobStatus.Received, job.Status);
        Assert.Equal(Lane.InShop, BoardCard.LaneOf(job));
        Assert.Equal(("cu-1", "Mia Chen", "Ladies 14k band"), (job.CustomerId, job.Customer, job.Intake!.Item));
        Assert.Equal("Bench", BoardCard.For(job)!.Location);
    }

    [Fact]
    public void ARepairNeedsACustomerAndAnItem()
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            Job.Create("R-0002", new NewJob("Fix clasp", JobModule.Repair), By()));

        Assert.Contains("customerId", error.Errors.Keys);
        Assert.Contains("item", error.Errors.Keys);
    }

    [Theory]
    [InlineData(JobStatus.NeedsQuote, Lane.InShop)]
    [InlineData(JobStatus.WaitingOnVendor, Lane.InShop)]
    [InlineData(JobStatus.InProgress, Lane.InProgress)]
    public void EachStatusHasItsLaneAndTheDaysInStageRestart(JobStatus status, Lane lane)
    {
        var job = Repair();

        job.TransitionTo(status, By(day: 3));

        Assert.Equal(lane, BoardCard.LaneOf(job));
        Assert.Equal(Day(3), job.LaneSince);
    }

    [Fact]
    public void ReadyForPickupAndPickedUpHaveTheirOwnCommands()
    {
        var job = Repair();

        Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.ReadyForPickup, By()));
        Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.PickedUp, By()));
        Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.InProduction, By()));
    }

    [Fact]
    public void HoldingACustomerJobNeedsAReasonThatTheCardShows()
    {
        var job = Repair();

        Assert.Throws<ValidationFailedException>(() => job.Edit(new JobEdits { OnHold = true }, By()));
        job.Edit(new JobEdits { OnHold = true }, By(reason: "Waiting for customer's stone"));

        Assert.Equal(Lane.OnHold, BoardCard.LaneOf(job));
        Assert.Equal("Waiting for customer's stone", BoardCard.For(job)!.HoldReason);
    }

    [Fact]
    public void ApprovingTheEstimateRecordsWhoAndHowAndAddsItsLinesToTheJob()
    {
        var job = Repair();
        job.SetQuote([new NewQuoteLine("t-1", "Ring sizing up", 1, 45m), new NewQuoteLine(null, "Polish", 2, 7.5m)], By());

        job.ApproveQuote(ApprovalChannel.InPerson, "Mia Chen", "Signed at the counter", By(day: 1));

        Assert.Equal(60m, job.Quote.Total);
        Assert.Equal((ApprovalChannel.InPerson, "Mia Chen", "ana", Day(1)),
            (job.Quote.Approval!.How, job.Quote.Approval.ApprovedBy, job.Quote.Approval.RecordedBy, job.Quote.Approval.At));
        Assert.Equal([45m, 15m], job.Items.Select(i => i.Cost));
        Assert.Throws<RuleConflictException>(() => job.SetQuote([new NewQuoteLine(null, "Cheaper", 1, 1m)], By()));
    }

    [Fact]
    public void MarkingReadyMakesTheInvoiceWithTaxAndTheDepositApplied()
    {
        var job = Quoted();

        var invoice = job.MarkReadyForPickup("INV-0001", 8.25m, By(day: 2));

        Assert.Equal(JobStatus.ReadyForPickup, job.Status);
        Assert.Equal(Lane.ReadyForPickup, BoardCard.LaneOf(job));
        Assert.Equal((60m, 4.95m, 64.95m, 20m, 44.95m), (invoice.Subtotal, invoice.Tax, invoice.Total, invoice.DepositApplied, invoice.BalanceDue));
        Assert.Equal(["Ring sizing up", "Polish"], invoice.Lines.Select(l => l.Description));
        Assert.Same(invoice, job.Invoice);
    }

    [Fact]
    public void DoneStagesAreInvoicedAndOpenOnesBlockReady()
    {
        var job = Quoted();
        job.AddStage(new NewStage("Retip prongs", "Ace Casting", VendorKind.Outside, Cost: 30m), By());

        Assert.Throws<RuleConflictException>(() => job.MarkReadyForPickup("INV-0001", 0, By()));
        job.EditStage(job.Stages[0].Id, new StageEdits { Status = StageStatus.Done }, By());
        var invoice = job.MarkReadyForPickup("INV-0001", 0, By());

        Assert.Equal(90m, invoice.Total);
        Assert.Contains(invoice.Lines, l => l.Description == "Retip prongs (Ace Casting)" && l.Amount == 30m);
    }

    [Fact]
    public void MovingBackOutOfReadyVoidsTheInvoiceAndKeepsItInHistory()
    {
        var job = Quoted();
        var invoice = job.MarkReadyForPickup("INV-0001", 0, By());
        job.TakeEvents();

        job.TransitionTo(JobStatus.InProgress, By(reason: "Stone loose"));

        Assert.Null(job.Invoice);
        Assert.Equal(InvoiceStatus.Void, invoice.Status);
        Assert.Contains(job.PendingEvents, e => e.Action == "InvoiceVoided" && e.From == "INV-0001");
        Assert.Contains(invoice.PendingEvents, e => e.Action == "Voided");
    }

    [Fact]
    public void PickupTakesExactlyTheBalanceAndClosesTheJob()
    {
        var job = Quoted();
        var invoice = job.MarkReadyForPickup("INV-0001", 0, By());

        var wrong = Assert.Throws<ValidationFailedException>(() => job.PickUp(10m, PaymentMethod.Cash, By()));
        job.PickUp(40m, PaymentMethod.Cash, By(day: 4));

        Assert.Contains("must be the balance due, 40.00.", wrong.Errors["amount"]);
        Assert.Equal((JobStatus.PickedUp, InvoiceStatus.Paid), (job.Status, invoice.Status));
        Assert.Null(BoardCard.LaneOf(job));
        Assert.Equal([PaymentKind.Deposit, PaymentKind.Balance], job.Payments.Select(p => p.Kind));
    }

    [Fact]
    public void DepositsAreTakenBeforeTheInvoiceIsMade()
    {
        var job = Quoted();
        job.MarkReadyForPickup("INV-0001", 0, By());

        Assert.Throws<RuleConflictException>(() => job.TakeDeposit(5m, PaymentMethod.Cash, By()));
        Assert.Throws<ValidationFailedException>(() => Repair().TakeDeposit(0m, PaymentMethod.Cash, By()));
    }

    [Fact]
    public void EveryMoveOfThePieceIsInItsHistory()
    {
        var job = Repair();

        job.MovePiece(Place.Safe, null, By(day: 1));
        job.MovePiece(Place.Vendor, "Ace Casting", By(day: 2));

        Assert.Equal(["Bench → Safe", "Safe → Out at Ace Casting"], job.PendingEvents.Select(e => $"{e.From} → {e.To}"));
        Assert.Equal("Out at Ace Casting", BoardCard.For(job)!.Location);
        Assert.Throws<ValidationFailedException>(() => job.MovePiece(Place.Vendor, null, By()));
    }

    [Fact]
    public void ProductionJobsKeepTheirOwnLifecycle()
    {
        var job = Draft();

        Assert.Equal([JobStatus.InProduction, JobStatus.Canceled], job.AllowedTransitions);
        Assert.Throws<RuleConflictException>(() => job.SetQuote([new NewQuoteLine(null, "x", 1, 1m)], By()));
        Assert.Throws<RuleConflictException>(() => job.TakeDeposit(5m, PaymentMethod.Cash, By()));
    }

    [Fact]
    public void AJobIsOverduePastItsPromisedDateUntilItIsReadyForPickup()
    {
        var job = Quoted();
        job.Edit(new JobEdits { TargetDate = new DateOnly(2025, 3, 5) }, By());

        Assert.False(job.IsOverdue(new DateOnly(2025, 3, 5)));
        Assert.True(job.IsOverdue(new DateOnly(2025, 3, 6)));
        job.MarkReadyForPickup("INV-0001", 0, By());
        Assert.False(job.IsOverdue(new DateOnly(2025, 3, 6)));
    }
}
