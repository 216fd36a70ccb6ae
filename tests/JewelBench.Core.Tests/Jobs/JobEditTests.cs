using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class JobEditTests
{
    [Fact]
    public void EachChangedFieldRecordsOneEventWithFromToByAtAndReason()
    {
        var job = Draft(description: "Gold band", quantity: 2);

        job.Edit(new JobEdits { Description = "Platinum band", Quantity = 3, Rush = true }, By("ben", day: 3, reason: "customer called"));

        Assert.Collection(job.PendingEvents,
            e => Assert.Equal((2, "description", "Gold band", "Platinum band"), (e.Seq, e.Field, e.From, e.To)),
            e => Assert.Equal((3, "rush", "no", "yes"), (e.Seq, e.Field, e.From, e.To)),
            e => Assert.Equal((4, "quantity", "2", "3"), (e.Seq, e.Field, e.From, e.To)));
        Assert.All(job.PendingEvents, e => Assert.Equal(("Edited", "ben", Day(3), "customer called"), (e.Action, e.By, e.At, e.Reason)));
        Assert.Equal(("Platinum band", 3, true), (job.Description, job.Quantity, job.Rush));
        Assert.Equal(("ben", Day(3)), (job.UpdatedBy, job.UpdatedAt));
    }

    [Fact]
    public void TargetDateAndCustomerChangesShowReadableValues()
    {
        var job = Draft(customer: "Mrs Lee");

        job.Edit(new JobEdits { TargetDate = new DateOnly(2025, 4, 1), Customer = (string?)null }, By());

        Assert.Collection(job.PendingEvents,
            e => Assert.Equal(("targetDate", null, "2025-04-01"), (e.Field, e.From, e.To)),
            e => Assert.Equal(("customer", "Mrs Lee", null), (e.Field, e.From, e.To)));
    }

    [Fact]
    public void UnchangedValuesRecordNoEvent()
    {
        var job = Draft(description: "Gold band", quantity: 2, customer: "Mrs Lee");

        job.Edit(new JobEdits { Description = " Gold band ", Quantity = 2, Customer = "Mrs Lee", Rush = false, Store = "Main" }, By());

        Assert.Empty(job.PendingEvents);
        Assert.Equal(1, job.HistorySeq);
    }

    [Fact]
    public void ClearingTheStoreFallsBackToMain()
    {
        var job = Draft(store: "Uptown");

        job.Edit(new JobEdits { Store = (string?)null }, By());

        Assert.Equal("Main", job.Store);
        Assert.Equal(("store", "Uptown", "Main"), (job.PendingEvents[0].Field, job.PendingEvents[0].From, job.PendingEvents[0].To));
    }

    [Fact]
    public void CustomerIsLockedOnceTheJobHasItems()
    {
        var job = Draft(customer: "Mrs Lee");
        job.WithMaterial();

        Assert.Throws<RuleConflictException>(() => job.Edit(new JobEdits { Customer = "Mr Kim" }, By()));
        Assert.Equal("Mrs Lee", job.Customer);
    }

    [Fact]
    public void StoreIsLockedOnceTheJobHasItems()
    {
        var job = Draft();
        job.WithMaterial();

        Assert.Throws<RuleConflictException>(() => job.Edit(new JobEdits { Store = "Uptown" }, By()));
        Assert.Equal("Main", job.Store);
        Assert.Empty(job.PendingEvents);
    }

    [Fact]
    public void CustomerAndStoreAreEditableAgainAfterAllItemsAreRemoved()
    {
        var job = Draft(customer: "Mrs Lee");
        var item = job.WithMaterial();
        job.RemoveItem(item.Id, By());

        job.Edit(new JobEdits { Customer = "Mr Kim", Store = "Uptown" }, By());

        Assert.Equal(("Mr Kim", "Uptown"), (job.Customer, job.Store));
    }

    [Fact]
    public void OtherFieldsStayEditableWhileCustomerIsLocked()
    {
        var job = Draft(customer: "Mrs Lee");
        job.WithMaterial();

        job.Edit(new JobEdits { Description = "Resized band", Customer = "Mrs Lee" }, By());

        Assert.Equal("Resized band", job.Description);
    }

    [Fact]
    public void QuantityIsFixedOnceInProduction()
    {
        var job = InProduction(quantity: 2);

        Assert.Throws<RuleConflictException>(() => job.Edit(new JobEdits { Quantity = 3 }, By()));
        Assert.Equal(2, job.Quantity);
    }

    [Fact]
    public void SameQuantityIsAcceptedInProduction()
    {
        var job = InProduction(quantity: 2);

        job.Edit(new JobEdits { Quantity = 2, Rush = true }, By());

        Assert.True(job.Rush);
    }

    [Fact]
    public void NothingIsEditableOnACompletedJob()
    {
        var (job, _) = Completed();

        var error = Assert.Throws<RuleConflictException>(() => job.Edit(new JobEdits { Rush = true }, By()));
        Assert.Contains("reopen", error.Message);
        Assert.False(job.Rush);
    }

    [Fact]
    public void NothingIsEditableOnACanceledJob()
    {
        var job = Draft();
        job.TransitionTo(JobStatus.Canceled, By(reason: "customer withdrew"));

        Assert.Throws<RuleConflictException>(() => job.Edit(new JobEdits { Description = "New" }, By()));
        Assert.Equal("Gold band", job.Description);
    }

    [Fact]
    public void RefusedEditChangesNothing()
    {
        var job = Draft(description: "Gold band", quantity: 2);
        var seq = job.HistorySeq;

        var error = Assert.Throws<ValidationFailedException>(() =>
            job.Edit(new JobEdits { Rush = true, Customer = "Mr Kim", Description = "", Quantity = 0 }, By()));

        Assert.Equal(["description", "quantity"], error.Errors.Keys.Order());
        Assert.Equal(("Gold band", 2, false, (string?)null), (job.Description, job.Quantity, job.Rush, job.Customer));
        Assert.Equal(seq, job.HistorySeq);
        Assert.Empty(job.PendingEvents);
    }

    [Fact]
    public void PuttingOnHoldMovesLaneSince()
    {
        var job = InProduction();

        job.Edit(new JobEdits { OnHold = true }, By(day: 4));

        Assert.True(job.OnHold);
        Assert.Equal(Day(4), job.LaneSince);
        Assert.Equal(("onHold", "no", "yes"), (job.PendingEvents[0].Field, job.PendingEvents[0].From, job.PendingEvents[0].To));
    }

    [Fact]
    public void EditsThatLeaveOnHoldAloneKeepLaneSince()
    {
        var job = InProduction();
        var since = job.LaneSince;

        job.Edit(new JobEdits { Rush = true, OnHold = false }, By(day: 4));

        Assert.Equal(since, job.LaneSince);
    }
}
