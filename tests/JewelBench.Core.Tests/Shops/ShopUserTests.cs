using JewelBench.Core.Jobs;
using JewelBench.Core.Shops;

namespace JewelBench.Core.Tests.Shops;

public sealed class ShopUserTests
{
    private static readonly Change ByOwner = new("owner", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    private static ShopUser NewStaff() => ShopUser.Create("u-1", new NewUser(" Sam ", " Sam@Shop.Test ", Role.Staff), "hash", ByOwner);

    [Fact]
    public void ANewUserIsActiveWithANormalisedEmailAndASessionStamp()
    {
        var user = NewStaff();

        Assert.Equal(("Sam", "sam@shop.test", Role.Staff, true), (user.Name, user.Email, user.Role, user.Active));
        Assert.NotEmpty(user.SessionStamp);
        Assert.Equal("Created", Assert.Single(user.TakeEvents()).Action);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@at.test")]
    [InlineData("no-dot@host")]
    [InlineData("Name <name@shop.test>")]
    [InlineData("")]
    public void AnEmailMustBeAPlainAddress(string email)
    {
        var error = Assert.Throws<ValidationFailedException>(() => ShopUser.Create("u-1", new NewUser("Sam", email, Role.Staff), "hash", ByOwner));

        Assert.True(error.Errors.ContainsKey("email"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void APasswordNeedsTenCharactersAtLeast(string? password) =>
        Assert.True(Assert.Throws<ValidationFailedException>(() => ShopUser.CheckPassword("password", password)).Errors.ContainsKey("password"));

    [Fact]
    public void ChangingThePasswordEndsEarlierSessionsAndKeepsNoPasswordInHistory()
    {
        var user = NewStaff();
        var stamp = user.SessionStamp;
        user.TakeEvents();

        user.ChangePassword("new-hash", ByOwner);

        Assert.NotEqual(stamp, user.SessionStamp);
        var recorded = Assert.Single(user.TakeEvents());
        Assert.Equal("PasswordChanged", recorded.Action);
        Assert.DoesNotContain("hash", $"{recorded.Summary}{recorded.From}{recorded.To}");
    }

    [Fact]
    public void DeactivatingEndsSessionsAndIsRecordedWithItsReason()
    {
        var user = NewStaff();
        var stamp = user.SessionStamp;

        user.SetActive(false, "u-owner", ByOwner with { Reason = "Left the shop" });

        Assert.False(user.Active);
        Assert.NotEqual(stamp, user.SessionStamp);
        Assert.Equal(("Deactivated", "Left the shop"), (user.PendingEvents[^1].Action, user.PendingEvents[^1].Reason));
    }

    [Fact]
    public void NobodyDeactivatesThemselvesOrChangesTheirOwnRole()
    {
        var user = NewStaff();

        Assert.Throws<RuleConflictException>(() => user.SetActive(false, user.Id, ByOwner));
        Assert.Throws<RuleConflictException>(() => user.ChangeRole(Role.Owner, user.Id, ByOwner));
        Assert.True(user.Active);
        Assert.Equal(Role.Staff, user.Role);
    }

    [Fact]
    public void ARoleChangeKeepsTheOldRoleInHistory()
    {
        var user = NewStaff();

        user.ChangeRole(Role.Kiosk, "u-owner", ByOwner);

        Assert.Equal(("role", "Staff", "Kiosk"), (user.PendingEvents[^1].Field, user.PendingEvents[^1].From, user.PendingEvents[^1].To));
    }
}
