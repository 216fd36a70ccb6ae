using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class JobCreateTests
{
    private static Job Create(NewJob draft) => Job.Create("J-1001", draft, By("ana"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void DescriptionIsRequired(string? description)
    {
        var error = Assert.Throws<ValidationFailedException>(() => Create(new NewJob(description)));

        Assert.Equal(["description"], error.Errors.Keys);
    }

    [Fact]
    public void DescriptionLongerThan200CharactersIsRefused()
    {
        var error = Assert.Throws<ValidationFailedException>(() => Create(new NewJob(new string('x', 201))));

        Assert.Contains("description", error.Errors.Keys);
    }

    [Fact]
    public void DescriptionOf200CharactersIsAccepted()
    {
        var job = Create(new NewJob(new string('x', 200)));

        Assert.Equal(200, job.Description.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void QuantityOutside1To1000IsRefused(int quantity)
    {
        var error = Assert.Throws<ValidationFailedException>(() => Create(new NewJob("Studs", Quantity: quantity)));

        Assert.Equal(["quantity"], error.Errors.Keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void QuantityAtTheBoundsIsAccepted(int quantity)
    {
        Assert.Equal(quantity, Create(new NewJob("Studs", Quantity: quantity)).Quantity);
    }

    [Fact]
    public void EveryInvalidFieldIsReportedAtOnce()
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            Create(new NewJob("", Store: new string('s', 61), Customer: new string('c', 101), Quantity: 0)));

        Assert.Equal(["customer", "description", "quantity", "store"], error.Errors.Keys.Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void StoreDefaultsToMain(string? store)
    {
        Assert.Equal("Main", Create(new NewJob("Pendant", Store: store)).Store);
    }

    [Fact]
    public void TextFieldsAreTrimmed()
    {
        var job = Create(new NewJob("  Pendant  ", Store: " Uptown ", Customer: " Mrs Lee "));

        Assert.Equal(("Pendant", "Uptown", "Mrs Lee"), (job.Description, job.Store, job.Customer));
    }

    [Fact]
    public void NewJobStartsAsDraftInItsLaneSinceCreation()
    {
        var job = Job.Create("J-1001", new NewJob("Pendant", Rush: true), By("ana", day: 2));

        Assert.Equal(JobStatus.Draft, job.Status);
        Assert.True(job.Rush);
        Assert.Equal(Day(2), job.LaneSince);
    }

    [Fact]
    public void CreationRecordsCreatedEventWithSeq1WhoAndWhen()
    {
        var job = Job.Create("J-1001", new NewJob("Pendant"), By("ana", day: 2));

        var created = Assert.Single(job.PendingEvents);
        Assert.Equal((1, "Created", "ana", Day(2)), (created.Seq, created.Action, created.By, created.At));
        Assert.Equal(1, job.HistorySeq);
        Assert.Equal(("ana", Day(2)), (job.CreatedBy, job.CreatedAt));
        Assert.Equal(("ana", Day(2)), (job.UpdatedBy, job.UpdatedAt));
    }

    [Fact]
    public void TakingEventsHandsThemOverOnce()
    {
        var job = Job.Create("J-1001", new NewJob("Pendant"), By());

        Assert.Single(job.TakeEvents());
        Assert.Empty(job.PendingEvents);
        Assert.Equal(1, job.HistorySeq);
    }
}
