using System.Text.Json.Nodes;
using JewelBench.Core.Stock;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Jobs;

/// <summary>
/// After close-out: copies every job photo to every new StockID, one step per piece. A copy leaves an existing
/// target alone, so a step run again after a crash copies nothing twice.
/// </summary>
public sealed class CloseOutPhotos(IBlobStore blobs) : IOperationKind
{
    public const string Kind = "close-out";

    public string Name => Kind;

    public static OperationStep Step(string jobId, StockItem piece) => new()
    {
        Name = $"copy-photos {piece.StockId}",
        Args = new JsonObject { ["jobId"] = jobId, ["stockId"] = piece.StockId, ["photos"] = new JsonArray([.. piece.Photos.Select(p => JsonValue.Create(p))]) },
    };

    public async Task RunStepAsync(StepContext context, OperationStep step, CancellationToken ct)
    {
        var (jobId, stockId) = ((string)step.Args!["jobId"]!, (string)step.Args["stockId"]!);
        foreach (var photo in step.Args["photos"]!.AsArray().Select(p => (string)p!))
            await blobs.CopyIfAbsentAsync(BlobNames.JobPhoto(context.Shop, jobId, photo), BlobNames.StockPhoto(context.Shop, stockId, photo), ct);
    }
}

/// <summary>After reopen: deletes the photos of the StockIDs that reopen removed. The job's own photos are never touched.</summary>
public sealed class ReopenCleanup(IBlobStore blobs) : IOperationKind
{
    public const string Kind = "reopen-cleanup";

    public string Name => Kind;

    public static OperationStep Step(StockItem piece) => new()
    {
        Name = $"delete-photos {piece.StockId}",
        Args = new JsonObject { ["stockId"] = piece.StockId, ["photos"] = new JsonArray([.. piece.Photos.Select(p => JsonValue.Create(p))]) },
    };

    public async Task RunStepAsync(StepContext context, OperationStep step, CancellationToken ct)
    {
        var stockId = (string)step.Args!["stockId"]!;
        foreach (var photo in step.Args["photos"]!.AsArray().Select(p => (string)p!))
            await blobs.DeleteIfExistsAsync(BlobNames.StockPhoto(context.Shop, stockId, photo), ct);
    }
}
