using JewelBench.Core.Jobs;
using static JewelBench.Core.Tests.TestJobs;

namespace JewelBench.Core.Tests.Jobs;

public class JobItemTests
{
    [Theory]
    [InlineData("pcs")]
    [InlineData("g")]
    [InlineData("ct")]
    [InlineData("dwt")]
    [InlineData("ozt")]
    [InlineData("mm")]
    public void MaterialAcceptsEachShopUnit(string unit)
    {
        var item = Draft().AddItem(new NewItem(ItemKind.Material, "Sapphire", 1.5m, unit, 200m), By());

        Assert.Equal((unit, 1.5m, 300m), (item.Unit, item.Quantity, item.Cost));
    }

    [Theory]
    [InlineData("kg")]
    [InlineData(null)]
    [InlineData(" ")]
    public void MaterialNeedsAUnitFromTheShopList(string? unit)
    {
        var job = Draft();

        var error = Assert.Throws<ValidationFailedException>(() => job.AddItem(new NewItem(ItemKind.Material, "Silver", 1m, unit, 5m), By()));

        Assert.Equal(["unit"], error.Errors.Keys);
        Assert.Empty(job.Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void MaterialNeedsAPositiveQuantity(int quantity)
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            Draft().AddItem(new NewItem(ItemKind.Material, "Silver", quantity, "g", 5m), By()));

        Assert.Equal(["quantity"], error.Errors.Keys);
    }

    [Fact]
    public void NegativeUnitCostAndMissingDescriptionAreRefusedTogether()
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            Draft().AddItem(new NewItem(ItemKind.Material, "", 1m, "g", -1m), By()));

        Assert.Equal(["description", "unitCost"], error.Errors.Keys.Order());
    }

    [Fact]
    public void LaborIsAlwaysInHours()
    {
        var item = Draft().AddItem(new NewItem(ItemKind.Labor, "Setting", 1.5m, "min", 60m), By());

        Assert.Equal(("h", 90m), (item.Unit, item.Cost));
    }

    [Fact]
    public void FeeCountsOnce()
    {
        var item = Draft().AddItem(new NewItem(ItemKind.Fee, "Engraving", 5m, "pcs", 25m), By());

        Assert.Equal((1m, 25m), (item.Quantity, item.Cost));
    }

    [Fact]
    public void ItemCostIsRoundedToCents()
    {
        var item = Draft().AddItem(new NewItem(ItemKind.Material, "Gold", 1.333m, "g", 10m), By());

        Assert.Equal(13.33m, item.Cost);
    }

    [Fact]
    public void AddingAnItemRecordsWhatItCosts()
    {
        var job = Draft();

        job.AddItem(new NewItem(ItemKind.Material, "Gold", 2m, "g", 50m), By("ben"));

        var added = Assert.Single(job.PendingEvents);
        Assert.Equal(("ItemAdded", "item", null, "2 g × 50.00 = 100.00", "ben"), (added.Action, added.Field, added.From, added.To, added.By));
    }

    [Fact]
    public void EditingAnItemRecordsBeforeAndAfter()
    {
        var job = Draft();
        var item = job.WithMaterial(quantity: 2, unitCost: 50m, description: "Gold");

        job.EditItem(item.Id, new ItemEdits { Quantity = 3m }, By());

        Assert.Equal(150m, item.Cost);
        var edited = Assert.Single(job.PendingEvents);
        Assert.Equal(("Gold: 2 g × 50.00 = 100.00", "Gold: 3 g × 50.00 = 150.00"), (edited.From, edited.To));
    }

    [Fact]
    public void UnchangedItemEditRecordsNothing()
    {
        var job = Draft();
        var item = job.WithMaterial(quantity: 2, unitCost: 50m, description: "Gold");

        job.EditItem(item.Id, new ItemEdits { Quantity = 2m, Description = "Gold" }, By());

        Assert.Empty(job.PendingEvents);
    }

    [Fact]
    public void RefusedItemEditLeavesTheItemUnchanged()
    {
        var job = Draft();
        var item = job.WithMaterial(quantity: 2, unit: "g", unitCost: 50m, description: "Gold");

        Assert.Throws<ValidationFailedException>(() =>
            job.EditItem(item.Id, new ItemEdits { Description = "Platinum", UnitCost = 80m, Unit = "lb" }, By()));

        Assert.Equal(("Gold", 2m, "g", 50m), (item.Description, item.Quantity, item.Unit, item.UnitCost));
        Assert.Empty(job.PendingEvents);
    }

    [Fact]
    public void RemovingAnItemRecordsIt()
    {
        var job = Draft();
        var item = job.WithMaterial(quantity: 2, unitCost: 50m);

        job.RemoveItem(item.Id, By());

        Assert.Empty(job.Items);
        Assert.Equal(("ItemRemoved", "2 g × 50.00 = 100.00"), (job.PendingEvents[0].Action, job.PendingEvents[0].From));
    }

    [Fact]
    public void UnknownItemIdIsNotFound()
    {
        var job = Draft();

        Assert.Throws<NotFoundException>(() => job.EditItem("i9", new ItemEdits { Quantity = 1m }, By()));
        Assert.Throws<NotFoundException>(() => job.RemoveItem("i9", By()));
    }

    [Fact]
    public void ItemsAreFixedInProduction()
    {
        var job = Draft();
        var item = job.WithMaterial(quantity: 2);
        job.TransitionTo(JobStatus.InProduction, By());

        Assert.Throws<RuleConflictException>(() => job.AddItem(new NewItem(ItemKind.Fee, "Rush fee", 1m, null, 20m), By()));
        Assert.Throws<RuleConflictException>(() => job.EditItem(item.Id, new ItemEdits { Quantity = 5m }, By()));
        Assert.Throws<RuleConflictException>(() => job.RemoveItem(item.Id, By()));
        Assert.Equal(2m, Assert.Single(job.Items).Quantity);
    }

    [Fact]
    public void ItemsAreFixedOnACanceledJob()
    {
        var job = Draft();
        job.TransitionTo(JobStatus.Canceled, By(reason: "duplicate"));

        Assert.Throws<RuleConflictException>(() => job.AddItem(new NewItem(ItemKind.Fee, "Fee", 1m, null, 20m), By()));
    }

    [Fact]
    public void ASubCentUnitCostEditIsRecorded()
    {
        var job = Draft();
        var item = job.WithMaterial(quantity: 1, unitCost: 10.001m);

        job.EditItem(item.Id, new ItemEdits { UnitCost = 10.004m }, By());

        var edited = Assert.Single(job.TakeEvents());
        Assert.Equal("ItemEdited", edited.Action);
        Assert.Contains("10.001", edited.From);
        Assert.Contains("10.004", edited.To);
    }
}
