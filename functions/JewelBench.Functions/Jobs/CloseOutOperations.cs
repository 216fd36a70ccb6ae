using System.Text.Json;
using System.Text.Json.Nodes;
using JewelBench.Core.History;
using JewelBench.Core.Stock;
using JewelBench.Functions.Hosting;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Jobs;

/// <summary>
/// The rest of a close-out, after its transaction: the pieces that did not fit in it, written in batches of
/// one transaction each, then every job photo copied to every piece. Each step is idempotent: a batch is all
/// or nothing and is not written twice, a copy leaves an existing target alone. A reopen cancels the operation
/// in its own transaction if it has not finished, so no later step brings photos back.
/// </summary>
public sealed class CloseOut(IShopTable table, IBlobStore blobs) : IOperationKind
{
    public const string Kind = "close-out";

    /// <summary>
    /// Pieces written in close-out's own transaction, beside the job, its events, card, counter and operation, and the
    /// consumed materials with their ledger entries (at most <see cref="Job.MaxInventoryMaterials"/> + <see cref="Job.MaxAllocations"/> rows).
    /// </summary>
    public static int FirstPieces(Job job)
    {
        var allocations = job.Items.Where(i => i.Allocation is Allocation.Allocated or Allocation.Held).ToList();
        var materialRows = allocations.Count + allocations.Select(i => i.MaterialId).Distinct().Count();
        return Math.Min(45, (100 - 10 - materialRows) / 2);
    }

    /// <summary>Pieces per later batch: two rows each (the piece and its history event), within the 100 a transaction holds.</summary>
    private const int BatchPieces = 49;

    public string Name => Kind;

    /// <summary>The steps for the pieces of a close-out, given which of them its transaction did not write.</summary>
    public static IEnumerable<OperationStep> Steps(Job job, IReadOnlyList<StockItem> pieces, IReadOnlyList<StockItem> later) =>
        later.Chunk(BatchPieces).Select(batch => new OperationStep
        {
            Name = $"create-pieces {batch[0].StockId}..{batch[^1].StockId}",
            Args = new JsonObject
            {
                ["jobId"] = job.Id,
                ["pieces"] = new JsonArray([.. batch.Select(p => (JsonNode)new JsonObject
                {
                    ["item"] = JsonSerializer.SerializeToNode(p, JewelBenchSetup.Json),
                    ["events"] = JsonSerializer.SerializeToNode(p.TakeEvents(), JewelBenchSetup.Json),
                })]),
            },
        }).Concat(pieces.Select(p => CopyStep(job.Id, p, job.Style)));

    public static bool CreatesPieces(OperationStep step) => step.Args?["pieces"] is not null;

    /// <summary>Copies the piece's photos: the job's own, and the images of the style it was made from.</summary>
    public static OperationStep CopyStep(string jobId, StockItem piece, JobStyle? style = null) => new()
    {
        Name = $"copy-photos {piece.StockId}",
        Args = new JsonObject
        {
            ["jobId"] = jobId, ["stockId"] = piece.StockId, ["photos"] = new JsonArray([.. piece.Photos.Select(p => JsonValue.Create(p))]),
            ["styleId"] = style?.Id, ["styleImages"] = new JsonArray([.. (style?.Images ?? []).Select(i => JsonValue.Create(i.Id))]),
        },
    };

    public async Task RunStepAsync(StepContext context, OperationStep step, CancellationToken ct)
    {
        if (step.Args!["pieces"] is JsonArray pieces) await CreatePiecesAsync(context.Shop, pieces, ct);
        else await CopyPhotosAsync(context.Shop, step.Args, ct);
    }

    private async Task CreatePiecesAsync(string shop, JsonArray pieces, CancellationToken ct)
    {
        var items = pieces.Select(p => (Item: p!["item"].Deserialize<StockItem>(JewelBenchSetup.Json)!,
            Events: p!["events"].Deserialize<List<HistoryEvent>>(JewelBenchSetup.Json)!)).ToList();
        try
        {
            await table.CommitAsync(shop, items.SelectMany(p => RecordedWrites.History(p.Item.StockId, p.Events)
                .Prepend(new TableWrite.Insert(Keys.Stock(p.Item.StockId), p.Item))).ToList(), ct);
        }
        catch (ConcurrencyException)
        {
            // Written already before a crash cut the step short: all of it, as a batch is all or nothing.
            if (await table.GetAsync<StockItem>(shop, Keys.Stock(items[0].Item.StockId), ct) is null) throw;
        }
    }

    private async Task CopyPhotosAsync(string shop, JsonObject args, CancellationToken ct)
    {
        var (jobId, stockId, styleId) = ((string)args["jobId"]!, (string)args["stockId"]!, (string?)args["styleId"]);
        var styleImages = args["styleImages"]?.AsArray().Select(i => (string)i!).ToHashSet() ?? [];
        foreach (var photo in args["photos"]!.AsArray().Select(p => (string)p!))
        {
            var source = styleImages.Contains(photo) ? BlobNames.StyleImage(shop, styleId!, photo) : BlobNames.JobPhoto(shop, jobId, photo);
            await blobs.CopyIfAbsentAsync(source, BlobNames.StockPhoto(shop, stockId, photo), ct);
        }
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
