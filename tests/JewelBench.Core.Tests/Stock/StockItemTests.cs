using JewelBench.Core.Jobs;
using JewelBench.Core.Stock;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Stock;

public class StockItemTests
{
    private static StockItem Piece(decimal cost = 120m, int quantity = 1)
    {
        var piece = StockItem.FromJob("S-00001", null, "Gold band", "Rings", "In-house", "Main", quantity, cost, null, "J-1001", By());
        piece.TakeEvents();
        return piece;
    }

    [Fact]
    public void StockIdsArePaddedToFiveDigits()
    {
        Assert.Equal(("S-00001", "S-00042", "S-12345"), (StockItem.FormatId(1), StockItem.FormatId(42), StockItem.FormatId(12345)));
    }

    [Fact]
    public void NewPieceIsAvailableAndUsesItsStockIdAsSkuWhenNoneGiven()
    {
        var piece = Piece();

        Assert.Equal((StockStatus.Available, "S-00001"), (piece.Status, piece.Sku));
    }

    [Fact]
    public void UnitCostIsCostBasisOverQuantityToFourPlaces()
    {
        Assert.Equal(3.3333m, Piece(cost: 10m, quantity: 3).UnitCost);
    }

    [Fact]
    public void ReservingAnAvailablePieceRecordsTheMove()
    {
        var piece = Piece();

        piece.Reserve(By("ben", day: 2));

        Assert.Equal(StockStatus.Reserved, piece.Status);
        var reserved = Assert.Single(piece.PendingEvents);
        Assert.Equal(("Reserved", "status", "Available", "Reserved", "ben", Day(2)),
            (reserved.Action, reserved.Field, reserved.From, reserved.To, reserved.By, reserved.At));
        Assert.Equal(2, reserved.Seq);
    }

    [Fact]
    public void ReservingTwiceIsRefused()
    {
        var piece = Piece();
        piece.Reserve(By());

        var error = Assert.Throws<RuleConflictException>(() => piece.Reserve(By()));

        Assert.Equal(["release", "sell"], error.Allowed);
        Assert.Single(piece.PendingEvents);
    }

    [Fact]
    public void ReleasingAReservedPieceMakesItAvailable()
    {
        var piece = Piece();
        piece.Reserve(By());

        piece.Release(By());

        Assert.Equal(StockStatus.Available, piece.Status);
        Assert.Equal(("Released", "Reserved", "Available"), (piece.PendingEvents[1].Action, piece.PendingEvents[1].From, piece.PendingEvents[1].To));
    }

    [Fact]
    public void ReleasingAnAvailablePieceIsRefused()
    {
        var piece = Piece();

        var error = Assert.Throws<RuleConflictException>(() => piece.Release(By()));

        Assert.Equal(["reserve", "sell"], error.Allowed);
        Assert.Equal(StockStatus.Available, piece.Status);
    }

    [Fact]
    public void SellingAnAvailablePieceRecordsTheMove()
    {
        var piece = Piece();

        piece.Sell(By());

        Assert.Equal(StockStatus.Sold, piece.Status);
        Assert.Equal(("Sold", "Available", "Sold"), (piece.PendingEvents[0].Action, piece.PendingEvents[0].From, piece.PendingEvents[0].To));
    }

    [Fact]
    public void SellingAReservedPieceRecordsTheMove()
    {
        var piece = Piece();
        piece.Reserve(By());

        piece.Sell(By());

        Assert.Equal(StockStatus.Sold, piece.Status);
        Assert.Equal(("Reserved", "Sold"), (piece.PendingEvents[1].From, piece.PendingEvents[1].To));
    }

    [Fact]
    public void SellingTwiceIsRefused()
    {
        var piece = Piece();
        piece.Sell(By());

        Assert.Throws<RuleConflictException>(() => piece.Sell(By()));
        Assert.Single(piece.PendingEvents);
    }

    [Fact]
    public void SoldPieceCannotBeReservedAgain()
    {
        var piece = Piece();
        piece.Sell(By());

        var error = Assert.Throws<RuleConflictException>(() => piece.Reserve(By()));

        Assert.Equal(["release"], error.Allowed);
        Assert.Equal(StockStatus.Sold, piece.Status);
    }

    [Fact]
    public void ReturnedSaleIsReleasedBackToAvailable()
    {
        var piece = Piece();
        piece.Sell(By());

        piece.Release(By("ben", reason: "returned"));

        Assert.Equal(StockStatus.Available, piece.Status);
        Assert.Equal(("Released", "Sold", "Available", "returned"),
            (piece.PendingEvents[1].Action, piece.PendingEvents[1].From, piece.PendingEvents[1].To, piece.PendingEvents[1].Reason));
    }
}
