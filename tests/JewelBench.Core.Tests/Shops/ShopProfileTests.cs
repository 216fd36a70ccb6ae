using JewelBench.Core.Jobs;
using JewelBench.Core.Shops;

namespace JewelBench.Core.Tests.Shops;

public sealed class ShopProfileTests
{
    private static readonly Change ByOwner = new("owner", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    private static ShopProfile NewShop() =>
        ShopProfile.Create("shop-1", new ShopDetails("Gold & Co", "1 Main St", "America/New_York", "usd", 8.875m), ByOwner);

    [Fact]
    public void AShopIsCreatedWithItsSettings()
    {
        var shop = NewShop();

        Assert.Equal(("Gold & Co", "America/New_York", "USD", 8.875m), (shop.Name, shop.TimeZone, shop.Currency, shop.TaxRate));
    }

    [Fact]
    public void BadSettingsAreAllNamedAtOnce()
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            ShopProfile.Create("shop-1", new ShopDetails(" ", null, "Atlantis/Capital", "DOLLAR", 31m), ByOwner));

        Assert.Equal(["currency", "name", "taxRate", "timeZone"], error.Errors.Keys.Order());
    }

    [Fact]
    public void EachEditedSettingIsItsOwnHistoryEventAndUnsentOnesStay()
    {
        var shop = NewShop();
        shop.TakeEvents();

        shop.Edit(new ShopDetails(null, null, "Europe/London", null, 20m), ByOwner);

        Assert.Equal(("Gold & Co", "Europe/London", 20m), (shop.Name, shop.TimeZone, shop.TaxRate));
        Assert.Equal([("timeZone", "America/New_York", "Europe/London"), ("taxRate", "8.875", "20")],
            shop.TakeEvents().Select(e => (e.Field!, e.From!, e.To!)));
    }

    [Fact]
    public void ARefusedEditChangesNothing()
    {
        var shop = NewShop();
        shop.TakeEvents();

        Assert.Throws<ValidationFailedException>(() => shop.Edit(new ShopDetails("New name", null, null, null, -1m), ByOwner));

        Assert.Equal(("Gold & Co", 8.875m), (shop.Name, shop.TaxRate));
        Assert.Empty(shop.TakeEvents());
    }
}
