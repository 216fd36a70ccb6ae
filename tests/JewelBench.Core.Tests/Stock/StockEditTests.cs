using JewelBench.Core.Jobs;
using JewelBench.Core.Stock;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Stock;

public class StockEditTests
{
    private static StockItem Piece()
    {
        var piece = StockItem.FromJob("S-00001", null, "Gold band", "Rings", "In-house", "Safe", 1, 120m, 300m, "J-1001", By());
        piece.TakeEvents();
        return piece;
    }

    [Fact]
    public void EachChangedFieldIsAnEventWithFromToWhoWhenAndWhy()
    {
        var piece = Piece();

        piece.Edit(new StockEdits { Title = "Gold band, 4 mm", StorageLocation = "Case 2", RetailPrice = 349.5m },
            By("ben", day: 3, reason: "Moved to the front case"));

        Assert.Equal(("Gold band, 4 mm", "Case 2", 349.5m), (piece.Title, piece.StorageLocation, piece.RetailPrice));
        Assert.Equal(
            [("title", "Gold band", "Gold band, 4 mm"), ("storageLocation", "Safe", "Case 2"), ("retailPrice", "300.00", "349.50")],
            piece.PendingEvents.Select(e => (e.Field!, e.From, e.To)));
        Assert.All(piece.PendingEvents, e => Assert.Equal(("Edited", "ben", Day(3), "Moved to the front case"), (e.Action, e.By, e.At, e.Reason)));
        Assert.Equal("Storage location changed", piece.PendingEvents[1].Summary);
        Assert.Equal((2, 4), (piece.PendingEvents[0].Seq, piece.PendingEvents[2].Seq));
    }

    [Fact]
    public void FieldsLeftOutOrUnchangedRecordNothing()
    {
        var piece = Piece();

        piece.Edit(new StockEdits { Title = " Gold band ", Category = "Rings" }, By());

        Assert.Empty(piece.PendingEvents);
        Assert.Equal(("Gold band", "Rings", "Safe", 300m), (piece.Title, piece.Category, piece.StorageLocation, piece.RetailPrice));
    }

    [Fact]
    public void ClearingTheLocationAndPriceRecordsThemAsEmpty()
    {
        var piece = Piece();

        piece.Edit(new StockEdits { StorageLocation = "  ", RetailPrice = new Optional<decimal?>(null) }, By());

        Assert.Equal(("", (decimal?)null), (piece.StorageLocation, piece.RetailPrice));
        Assert.Equal([("Safe", (string?)null), ("300.00", null)], piece.PendingEvents.Select(e => (e.From, e.To)));
    }

    [Fact]
    public void EveryBadFieldIsReportedAtOnceAndNothingChanges()
    {
        var piece = Piece();

        var error = Assert.Throws<ValidationFailedException>(() => piece.Edit(new StockEdits
        {
            Title = "", Category = new string('c', 61), StorageLocation = new string('l', 61), RetailPrice = -1m,
        }, By()));

        Assert.Equal(["category", "retailPrice", "storageLocation", "title"], error.Errors.Keys.Order());
        Assert.Equal(["is required."], error.Errors["title"]);
        Assert.Empty(piece.PendingEvents);
        Assert.Equal(("Gold band", "Rings", "Safe", 300m), (piece.Title, piece.Category, piece.StorageLocation, piece.RetailPrice));
    }

    [Theory]
    [InlineData(120, false)]
    [InlineData(121, true)]
    public void ATitleTakesAtMost120Characters(int length, bool refused)
    {
        var edit = () => Piece().Edit(new StockEdits { Title = new string('t', length) }, By());

        if (refused) Assert.Contains("title", Assert.Throws<ValidationFailedException>(edit).Errors.Keys);
        else edit();
    }

    [Fact]
    public void ARetailPriceIsInWholeCents()
    {
        var error = Assert.Throws<ValidationFailedException>(() => Piece().Edit(new StockEdits { RetailPrice = 10.005m }, By()));

        Assert.Contains("whole cents", error.Errors["retailPrice"][0]);
    }

    [Fact]
    public void ASoldPieceCanBeEditedWithAReasonAndTheHistorySaysItWasAfterTheSale()
    {
        var piece = Piece();
        piece.Sell(By());
        piece.TakeEvents();

        piece.Edit(new StockEdits { StorageLocation = "Shipped", Title = "Gold band (sold)" }, By(reason: "Left with the customer"));

        Assert.Equal(StockStatus.Sold, piece.Status);
        Assert.Equal(["Title changed after the sale", "Storage location changed after the sale"], piece.PendingEvents.Select(e => e.Summary));
    }

    [Fact]
    public void EditingASoldPieceWithoutAReasonIsRefused()
    {
        var piece = Piece();
        piece.Sell(By());
        piece.TakeEvents();

        var error = Assert.Throws<ValidationFailedException>(() => piece.Edit(new StockEdits { StorageLocation = "Shipped" }, By()));

        Assert.Equal(["reason"], error.Errors.Keys);
        Assert.Equal("Safe", piece.StorageLocation);
    }
}
