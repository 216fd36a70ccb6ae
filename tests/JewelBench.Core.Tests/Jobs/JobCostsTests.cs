using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class JobCostsTests
{
    [Fact]
    public void TotalAddsMaterialsLaborFeesAndDoneStages()
    {
        var job = Draft(quantity: 1);
        job.WithItem(ItemKind.Material, 2m, 50m, "g");
        job.WithItem(ItemKind.Labor, 1.5m, 40m);
        job.WithItem(ItemKind.Fee, 1m, 15m);
        job.WithStage("Casting", cost: 30m, status: StageStatus.Done);

        var costs = JobCosts.Of(job);

        Assert.Equal((100m, 60m, 15m, 30m, 0m, 205m), (costs.Materials, costs.Labor, costs.Fees, costs.Stages, costs.StagesPlanned, costs.Total));
    }

    [Fact]
    public void OpenStagesAreOnlyPlanned()
    {
        var job = Draft();
        job.WithMaterial(quantity: 1, unitCost: 100m);
        job.WithStage("Casting", cost: 30m, status: StageStatus.Pending);
        job.WithStage("Setting", cost: 20m, status: StageStatus.InProgress);

        var costs = JobCosts.Of(job);

        Assert.Equal((0m, 50m, 100m), (costs.Stages, costs.StagesPlanned, costs.Total));
    }

    [Fact]
    public void SkippedStagesAreNotCounted()
    {
        var job = Draft();
        job.WithStage("Plating", cost: 45m, status: StageStatus.Skipped);

        var costs = JobCosts.Of(job);

        Assert.Equal((0m, 0m, 0m), (costs.Stages, costs.StagesPlanned, costs.Total));
    }

    [Fact]
    public void EmptyJobCostsNothing()
    {
        Assert.Equal(new JobCosts(0, 0, 0, 0, 0, 0, 0, 0), JobCosts.Of(Draft()));
    }

    [Fact]
    public void PerUnitIsTotalOverQuantityRoundedToCents()
    {
        var job = Draft(quantity: 3);
        job.WithMaterial(quantity: 1, unitCost: 100m);

        Assert.Equal(33.33m, JobCosts.Of(job).PerUnit);
    }

    [Fact]
    public void PerUnitRoundsHalfCentsUp()
    {
        var job = Draft(quantity: 4);
        job.WithMaterial(quantity: 1, unitCost: 0.1m);

        Assert.Equal(0.03m, JobCosts.Of(job).PerUnit);
    }

    [Fact]
    public void SplitHandsTheLeftoverCentsToTheFirstParts()
    {
        Assert.Equal([33.34m, 33.33m, 33.33m], Money.Split(100.00m, 3));
    }

    [Theory]
    [InlineData(100.00, 3)]
    [InlineData(0.05, 7)]
    [InlineData(1234.57, 45)]
    [InlineData(10, 1)]
    [InlineData(0, 4)]
    public void SplitSumsExactlyToTheAmount(decimal amount, int parts)
    {
        var split = Money.Split(amount, parts);

        Assert.Equal(parts, split.Length);
        Assert.Equal(amount, split.Sum());
        Assert.True(split.Max() - split.Min() <= 0.01m);
    }

    [Theory]
    [InlineData(2.345, 2.35)]
    [InlineData(-2.345, -2.35)]
    [InlineData(2.344, 2.34)]
    public void RoundIsToCentsAwayFromZero(decimal amount, decimal expected)
    {
        Assert.Equal(expected, Money.Round(amount));
    }
}
