using JewelBench.Core.History;
using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;

namespace JewelBench.Functions.Shops;

/// <summary>The owner's user list: invite, rename, change role, deactivate and reactivate.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Owner);
        group.MapGet("/", ListUsers);
        group.MapPost("/", Invite);
        group.MapPatch("/{userId}", EditUser);
        group.MapGet("/{userId}/history", History);
        return group;
    }

    /// <summary>A user as the API shows them: never the password hash or the session stamp.</summary>
    public sealed record UserDto(string Id, string Name, string Email, Role Role, bool Active, int Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public static UserDto ToDto(ShopUser user) =>
        new(user.Id, user.Name, user.Email, user.Role, user.Active, user.Version, user.CreatedAt, user.UpdatedAt);

    private static async Task<Ok<List<UserDto>>> ListUsers(Caller caller, IShopTable table, CancellationToken ct) =>
        TypedResults.Ok((await table.QueryAsync<ShopUser>(caller.ShopId, Keys.UserPrefix, ct))
            .Select(u => ToDto(u.Value)).OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList());

    /// <summary>The owner sets the first password and passes it on; the user changes it after signing in.</summary>
    private static async Task<IResult> Invite(Caller caller, HttpRequest request, ShopProvisioning provisioning, TimeProvider clock,
        CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("role");
        var details = new NewUser(body.Text("name"), body.Text("email"), body.Enum<Role>("role") ?? Role.Staff);
        var password = body.Text("password");
        body.ThrowIfInvalid();
        var user = await provisioning.AddUserAsync(caller.ShopId, details, password, new Change(caller.User, clock.GetUtcNow()), ct);
        return Answers.Created(user, ToDto(user), $"/api/users/{user.Id}");
    }

    /// <summary>An owner can also set a new password for someone who forgot theirs; their own goes through the password page.</summary>
    private static async Task<IResult> EditUser(string userId, Caller caller, HttpRequest request, CommandRunner runner, Passwords passwords)
    {
        var body = await JsonBody.ReadAsync(request);
        var name = body.Maybe("name", body.Text);
        var role = body.MaybeValue("role", body.Enum<Role>);
        var active = body.MaybeValue("active", body.Bool);
        var password = body.Maybe("password", body.Text);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        if (password.HasValue) ShopUser.CheckPassword("password", password.Value);
        if (password.HasValue && userId == caller.UserId)
            throw new RuleConflictException("Change your own password on the password page, with your current one.");
        return await runner.RunAsync<ShopUser>(caller, userId, Keys.User(userId), request.Headers.IfMatch, reason, (user, change) =>
        {
            if (name.HasValue) user.Rename(name.Value, change);
            if (role.HasValue) user.ChangeRole(role.Value, caller.UserId, change);
            if (active.HasValue) user.SetActive(active.Value, caller.UserId, change);
            if (password.HasValue) user.ChangePassword(passwords.Hash(password.Value!), change);
            return Task.FromResult(Enumerable.Empty<TableWrite>());
        }, user => ToDto(user), "User", ct: request.HttpContext.RequestAborted);
    }

    private static async Task<IResult> History(string userId, Caller caller, IShopTable table, CancellationToken ct)
    {
        if (await table.GetAsync<ShopUser>(caller.ShopId, Keys.User(userId), ct) is null)
            return Answers.NotFound($"User {userId} was not found.");
        var events = await table.QueryAsync<HistoryEvent>(caller.ShopId, Keys.HistoryPrefix(userId), ct);
        return TypedResults.Ok(events.Select(e => e.Value).ToList());
    }
}
