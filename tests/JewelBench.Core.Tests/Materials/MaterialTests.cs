using JewelBench.Core.Jobs;
using JewelBench.Core.Materials;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Materials;

public class MaterialTests
{
    private static Material Sapphires(decimal onHand = 10, decimal unitCost = 40) => Material.Create("M-0001",
        new MaterialDraft("Round sapphire 3 mm", "SAP-3", MaterialKind.Stone, "pcs", unitCost, 2, "Safe", new StoneAttributes("Round", "3 mm", "Blue", "VS"), null, onHand),
        By());

    [Fact]
    public void OpeningStockIsAReceiveEntry()
    {
        var stone = Sapphires(onHand: 10);

        var entry = Assert.Single(stone.TakeLedger());
        Assert.Equal((LedgerMove.Receive, 10m, 10m, 0m), (entry.Move, entry.OnHandChange, entry.OnHandAfter, entry.CommittedAfter));
    }

    [Fact]
    public void ReceivingAtANewPriceAveragesTheUnitCost()
    {
        var stone = Sapphires(onHand: 10, unitCost: 40);

        stone.Apply(new MaterialMove(stone.Id, LedgerMove.Receive, 30, UnitCost: 60), By());

        Assert.Equal((40m, 55m), (stone.OnHand, stone.UnitCost));
    }

    [Theory]
    [InlineData(LedgerMove.Allocate, 4, 6, 4)]
    [InlineData(LedgerMove.Use, 4, 6, 0)]
    [InlineData(LedgerMove.Count, 7, 7, 0)]
    [InlineData(LedgerMove.Scrap, 2, 12, 0)]
    public void EachMoveChangesOnHandAndCommittedAsItSays(LedgerMove move, decimal quantity, decimal onHand, decimal committed)
    {
        var stone = Sapphires(onHand: 10);

        stone.Apply(new MaterialMove(stone.Id, move, quantity, "J-1"), By());

        Assert.Equal((onHand, committed), (stone.OnHand, stone.Committed));
    }

    [Fact]
    public void OnHandNeverGoesNegative()
    {
        var stone = Sapphires(onHand: 1);

        var refused = Assert.Throws<RuleConflictException>(() => stone.Apply(new MaterialMove(stone.Id, LedgerMove.Allocate, 2, "J-1"), By()));

        Assert.Contains("Only 1 pcs of SAP-3", refused.Message);
        Assert.Equal((1m, 0m), (stone.OnHand, stone.Committed));
    }

    [Fact]
    public void TheUnitIsFixedOnceStockHasMoved()
    {
        var stone = Sapphires();

        Assert.Throws<RuleConflictException>(() => stone.Edit(
            new MaterialDraft("Round sapphire 3 mm", "SAP-3", MaterialKind.Stone, "ct", 40, 2, "Safe", null, null), By()));
    }

    [Fact]
    public void EditsAreHistoryWithFromAndTo()
    {
        var stone = Sapphires();
        stone.TakeEvents();

        stone.Edit(new MaterialDraft("Round sapphire 3 mm", "SAP-3", MaterialKind.Stone, "pcs", 40, 5, "Safe drawer 2",
            new StoneAttributes("Round", "3 mm", "Blue", "VS"), null), By(reason: "Moved"));

        var events = stone.TakeEvents();
        Assert.Equal([("reorderPoint", "2", "5"), ("location", "Safe", "Safe drawer 2")], events.Select(e => (e.Field, e.From, e.To)));
        Assert.All(events, e => Assert.Equal("Moved", e.Reason));
    }
}
