using JewelBench.Core.Board;
using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public sealed class JobPhotoTests
{
    private static JobPhoto Photo(string id) => new(id, "image/jpeg", 2048, "ana", Monday);

    [Fact]
    public void AddedPhotosAreKeptInOrderAndEachIsInHistory()
    {
        var job = Draft();

        job.AddPhotos([Photo("ph-1"), Photo("ph-2")], By());

        Assert.Equal(["ph-1", "ph-2"], job.Photos.Select(p => p.Id));
        Assert.Equal(["ph-1", "ph-2"], job.TakeEvents().Select(e => e.To));
        Assert.Equal("ph-1", BoardCard.For(job)!.PhotoId);
    }

    [Fact]
    public void AJobKeepsAtMostFiftyPhotos()
    {
        var job = Draft();
        job.AddPhotos(Enumerable.Range(0, Job.MaxPhotos).Select(i => Photo($"ph-{i}")).ToList(), By());

        Assert.Throws<RuleConflictException>(() => job.AddPhotos([Photo("ph-x")], By()));
        Assert.Equal(Job.MaxPhotos, job.Photos.Count);
    }

    [Fact]
    public void CloseOutGivesEveryPieceTheJobsPhotosAndThenTheyAreFixedUntilReopen()
    {
        var job = ReadyToComplete();
        job.AddPhotos([Photo("ph-1"), Photo("ph-2")], By());

        var pieces = job.Complete(new CompletionForm(null, "Rings", null, null, 2, true, null), 1, By(day: 2));

        Assert.All(pieces, p => Assert.Equal(["ph-1", "ph-2"], p.Photos));
        Assert.Throws<RuleConflictException>(() => job.AddPhotos([Photo("ph-3")], By()));
        Assert.Throws<RuleConflictException>(() => job.RemovePhoto("ph-1", By()));
    }

    [Fact]
    public void RemovingAPhotoTheJobDoesNotHaveIsNotFound()
    {
        var job = Draft();

        Assert.Throws<NotFoundException>(() => job.RemovePhoto("ph-none", By()));
    }
}
