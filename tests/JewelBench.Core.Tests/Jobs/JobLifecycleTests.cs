using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class JobLifecycleTests
{
    public static TheoryData<JobStatus, JobStatus[]> Transitions => new()
    {
        { JobStatus.Draft, [JobStatus.InProduction, JobStatus.Canceled] },
        { JobStatus.InProduction, [JobStatus.Completed, JobStatus.Canceled] },
        { JobStatus.Completed, [JobStatus.InProduction] },
        { JobStatus.Canceled, [] },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void AllowedFromFollowsTheJobLifecycle(JobStatus from, JobStatus[] allowed)
    {
        Assert.Equal(allowed, Job.AllowedFrom(from));
    }

    [Fact]
    public void StartingMovesDraftIntoProduction()
    {
        var job = Draft();

        job.TransitionTo(JobStatus.InProduction, By("ben", day: 2));

        Assert.Equal(JobStatus.InProduction, job.Status);
        Assert.Equal(Day(2), job.LaneSince);
        var started = Assert.Single(job.PendingEvents);
        Assert.Equal(("Started", "status", "Draft", "InProduction", "ben"), (started.Action, started.Field, started.From, started.To, started.By));
        Assert.Equal([JobStatus.Completed, JobStatus.Canceled], job.AllowedTransitions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void CancelingNeedsAReason(string? reason)
    {
        var job = InProduction();

        var error = Assert.Throws<ValidationFailedException>(() => job.TransitionTo(JobStatus.Canceled, By(reason: reason)));

        Assert.Equal(["reason"], error.Errors.Keys);
        Assert.Equal(JobStatus.InProduction, job.Status);
        Assert.Empty(job.PendingEvents);
    }

    [Fact]
    public void CancelingWithAReasonRecordsIt()
    {
        var job = Draft();

        job.TransitionTo(JobStatus.Canceled, By(day: 1, reason: "customer withdrew"));

        Assert.Equal(JobStatus.Canceled, job.Status);
        var canceled = Assert.Single(job.PendingEvents);
        Assert.Equal(("Canceled", "Draft", "Canceled", "customer withdrew"), (canceled.Action, canceled.From, canceled.To, canceled.Reason));
    }

    [Fact]
    public void DraftCannotJumpToCompleted()
    {
        var job = Draft();

        var error = Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.Completed, By()));

        Assert.Equal(["InProduction", "Canceled"], error.Allowed);
        Assert.Equal(JobStatus.Draft, job.Status);
    }

    [Fact]
    public void CanceledJobCannotMoveAnywhere()
    {
        var job = Draft();
        job.TransitionTo(JobStatus.Canceled, By(reason: "duplicate"));

        var error = Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.InProduction, By()));

        Assert.Empty(error.Allowed);
        Assert.Equal(JobStatus.Canceled, job.Status);
    }

    [Fact]
    public void StartingTwiceIsRefused()
    {
        var job = InProduction();

        var error = Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.InProduction, By()));

        Assert.Equal(["Completed", "Canceled"], error.Allowed);
    }

    [Fact]
    public void CompletingThroughTransitionIsRefusedBecauseItNeedsTheForm()
    {
        var job = InProduction();

        var error = Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.Completed, By()));

        Assert.Contains("complete", error.Message);
        Assert.Equal(JobStatus.InProduction, job.Status);
        Assert.Empty(job.PendingEvents);
    }

    [Fact]
    public void CompletedJobGoesBackOnlyThroughReopen()
    {
        var (job, _) = Completed();

        var error = Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.InProduction, By(reason: "redo")));

        Assert.Contains("reopen", error.Message);
        Assert.Equal(["InProduction"], error.Allowed);
        Assert.Equal(JobStatus.Completed, job.Status);
    }

    [Fact]
    public void CompletedJobCannotBeCanceled()
    {
        var (job, _) = Completed();

        var error = Assert.Throws<RuleConflictException>(() => job.TransitionTo(JobStatus.Canceled, By(reason: "oops")));

        Assert.Equal(["InProduction"], error.Allowed);
    }
}
