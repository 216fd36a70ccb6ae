using JewelBench.Core.History;
using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;
using JewelBench.Functions.Reminders;

namespace JewelBench.Functions.Shops;

/// <summary>
/// Opens shops and adds users. A user's sign-in entry lives in the install's partition and the user in
/// the shop's, so the entry is claimed first (an email belongs to one account) and given back if the
/// shop's write fails.
/// </summary>
public sealed class ShopProvisioning(IShopTable table, Passwords passwords, DailyDigestTimers digests, TimeProvider clock)
{
    public async Task<(ShopProfile Shop, ShopUser Owner)> CreateShopAsync(string shopId, ShopDetails details, NewUser owner,
        string? password, CancellationToken ct)
    {
        var change = new Change(owner.Name?.Trim() ?? "setup", clock.GetUtcNow());
        var errors = new Dictionary<string, string[]>();
        var shop = Collect(errors, "shopName", () => ShopProfile.Create(shopId, details, change));
        var user = Collect(errors, "ownerName", () => NewUser(owner with { Role = Role.Owner }, password, change));
        if (shop is null || user is null) throw new ValidationFailedException(errors);
        if (await table.GetAsync<ShopProfile>(shopId, Keys.Shop, ct) is not null)
            throw new RuleConflictException($"Shop {shopId} already exists.");
        await ClaimLoginAsync(shopId, user, ct);
        await CommitOrReleaseLoginAsync(shopId, user,
            [.. RecordedWrites.Insert(Keys.Shop, Keys.ShopHistorySubject, shop), .. RecordedWrites.Insert(Keys.User(user.Id), user.Id, user)], ct);
        await IndexAsync(shopId, ct);
        await digests.ArmNewShopAsync(shopId, shop, ct);
        return (shop, user);
    }

    /// <summary>Lists the shop in the install's partition, for work that visits every shop.</summary>
    public Task IndexAsync(string shopId, CancellationToken ct) =>
        table.CommitAsync(Keys.Install, [new TableWrite.Upsert(Keys.ShopIndex(shopId), new ShopIndexEntry(shopId))], ct);

    public async Task<ShopUser> AddUserAsync(string shopId, NewUser details, string? password, Change change, CancellationToken ct)
    {
        var user = NewUser(details, password, change);
        await ClaimLoginAsync(shopId, user, ct);
        await CommitOrReleaseLoginAsync(shopId, user, [.. RecordedWrites.Insert(Keys.User(user.Id), user.Id, user)], ct);
        return user;
    }

    /// <summary>Gathers the errors of the shop and of its owner into one answer, naming each one's name field apart.</summary>
    private static T? Collect<T>(Dictionary<string, string[]> errors, string nameField, Func<T> create) where T : class
    {
        try
        {
            return create();
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, reasons) in e.Errors) errors[field == "name" ? nameField : field] = reasons;
            return null;
        }
    }

    private ShopUser NewUser(NewUser details, string? password, Change change)
    {
        ShopUser.CheckPassword("password", password);
        return ShopUser.Create(Ids.New("u"), details, passwords.Hash(password!), change);
    }

    private async Task ClaimLoginAsync(string shopId, ShopUser user, CancellationToken ct)
    {
        try
        {
            await table.CommitAsync(Keys.Install, [new TableWrite.Insert(Keys.Login(user.Email), new LoginEntry(shopId, user.Id))], ct);
        }
        catch (ConcurrencyException)
        {
            throw new RuleConflictException($"{user.Email} already has a JewelBench account.");
        }
    }

    private async Task CommitOrReleaseLoginAsync(string shopId, ShopUser user, IReadOnlyList<TableWrite> writes, CancellationToken ct)
    {
        try
        {
            await table.CommitAsync(shopId, writes, ct);
        }
        catch
        {
            await table.CommitAsync(Keys.Install, [new TableWrite.Delete(Keys.Login(user.Email), "*")], CancellationToken.None);
            throw;
        }
    }
}
