using JewelBench.Core.Shops;
using JewelBench.Core.Jobs;
using JewelBench.Core.Stock;
using JewelBench.Functions.Http;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Moq;

namespace JewelBench.Functions.Tests.Http;

/// <summary>How a command behaves when it loses a race to another writer, with the table isolated by a mock.</summary>
public sealed class CommandRunnerTests
{
    private const string Shop = "shop";
    private readonly Mock<IShopTable> _table = new();
    private readonly Caller _caller = new(Shop, "u-maya", "maya", Role.Owner);
    private int _reads;

    public CommandRunnerTests() =>
        _table.Setup(t => t.GetAsync<StockItem>(Shop, "stock|S-00001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Stored<StockItem>("stock|S-00001", Piece(), $"etag-{++_reads}"));

    /// <summary>A piece as read from storage: its creation already saved, nothing pending.</summary>
    private static StockItem Piece()
    {
        var piece = StockItem.FromJob("S-00001", null, "Ring", "Rings", "In-house", "Case 1", 1, 10m, null, "P-0001",
            new Change("maya", DateTimeOffset.UnixEpoch));
        piece.TakeEvents();
        return piece;
    }

    private Task<IResult> SellAsync(string? ifMatch) => new CommandRunner(_table.Object, TimeProvider.System)
        .RunAsync<StockItem>(_caller, "S-00001", "stock|S-00001", ifMatch, null, (item, change) =>
        {
            item.Sell(change);
            return Task.FromResult(Enumerable.Empty<TableWrite>());
        }, item => item, "Stock item");

    private static async Task<int?> StatusOf(Task<IResult> result) => ((IStatusCodeHttpResult)await result).StatusCode;

    [Fact]
    public async Task ALostRaceWithoutIfMatchIsRetriedOnFreshlyReadState()
    {
        _table.SetupSequence(t => t.CommitAsync(Shop, It.IsAny<IReadOnlyList<TableWrite>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyException("lost", new Exception()))
            .ReturnsAsync(["etag-3"]);

        var status = await StatusOf(SellAsync(ifMatch: null));

        Assert.Equal(200, status);
        _table.Verify(t => t.CommitAsync(Shop, It.Is<IReadOnlyList<TableWrite>>(w =>
            w.OfType<TableWrite.Replace>().Single().ETag == "etag-2"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ALostRaceWithIfMatchAnswers412InsteadOfRetrying()
    {
        _table.Setup(t => t.CommitAsync(Shop, It.IsAny<IReadOnlyList<TableWrite>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyException("lost", new Exception()));

        var status = await StatusOf(SellAsync(ifMatch: "\"0\""));

        Assert.Equal(412, status);
        _table.Verify(t => t.CommitAsync(Shop, It.IsAny<IReadOnlyList<TableWrite>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ACommandThatChangesNothingWritesNothing()
    {
        var result = await new CommandRunner(_table.Object, TimeProvider.System).RunAsync<StockItem>(_caller, "S-00001", "stock|S-00001",
            null, null, (_, _) => Task.FromResult(Enumerable.Empty<TableWrite>()), item => item, "Stock item");

        Assert.Equal(200, await StatusOf(Task.FromResult(result)));
        _table.Verify(t => t.CommitAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<TableWrite>>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
