using JewelBench.Core.Shops;
using JewelBench.Functions.Shops;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace JewelBench.Functions.Auth;

/// <summary>Sign-in, sign-out, who am I, and password change.</summary>
public static class AuthApi
{
    private const string SignInFailed = "The email or password is incorrect.";

    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/auth").WithTags("Sign-in");
        group.MapPost("/sign-in", SignIn).AllowAnonymous().RequireRateLimiting(Policies.SignInLimit);
        group.MapPost("/sign-out", (Delegate)SignOut).RequireAuthorization(Policies.Monitor);
        group.MapGet("/me", Me).RequireAuthorization(Policies.Monitor);
        group.MapPost("/password", ChangePassword).RequireAuthorization(Policies.Monitor);
        return group;
    }

    public sealed record Session(string UserId, string Name, string? Email, Role Role, string ShopId, string ShopName, string Currency);

    /// <summary>Every failure answers the same, so the answer never tells whether the email has an account.</summary>
    private static async Task<IResult> SignIn(HttpContext http, IShopTable table, Passwords passwords, SignInThrottle throttle,
        CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        body.Require("email");
        body.Require("password");
        var email = ShopUser.NormalizeEmail(body.Text("email"));
        var password = body.Text("password") ?? "";
        body.ThrowIfInvalid();
        if (!throttle.TryAttempt(email, out var wait))
        {
            await AuthSetup.TooManyAttemptsAsync(http, wait);
            return Results.Empty;
        }

        var found = await FindUserAsync(table, email, ct);
        var verified = passwords.Verify(found?.User, password);
        if (!verified || found is not var (shopId, user) || !user.Active)
            return TypedResults.Problem(SignInFailed, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionClaims.For(shopId, user));
        return TypedResults.Ok(await SessionOfAsync(table, shopId, user.Id, user.Name, user.Email, user.Role, ct));
    }

    private static async Task<IResult> SignOut(HttpContext http)
    {
        (await JsonBody.ReadAsync(http.Request)).ThrowIfInvalid();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Me(Caller caller, IShopTable table, CancellationToken ct)
    {
        var email = caller.Role == Role.Kiosk && caller.UserId.StartsWith("kiosk-", StringComparison.Ordinal)
            ? null
            : (await table.GetAsync<ShopUser>(caller.ShopId, Keys.User(caller.UserId), ct))?.Value.Email;
        return TypedResults.Ok(await SessionOfAsync(table, caller.ShopId, caller.UserId, caller.User, email, caller.Role, ct));
    }

    /// <summary>Needs the current password; ends every other session of the user and renews this one.</summary>
    private static async Task<IResult> ChangePassword(HttpContext http, Caller caller, IShopTable table, Passwords passwords,
        SignInThrottle throttle, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        body.Require("currentPassword");
        body.Require("newPassword");
        var current = body.Text("currentPassword") ?? "";
        var next = body.Text("newPassword");
        body.ThrowIfInvalid();
        ShopUser.CheckPassword("newPassword", next);
        if (caller.UserId.StartsWith("kiosk-", StringComparison.Ordinal))
            throw new RuleConflictException("A kiosk link has no password to change.");
        if (!throttle.TryAttempt(caller.UserId, out var wait))
        {
            await AuthSetup.TooManyAttemptsAsync(http, wait);
            return Results.Empty;
        }

        ShopUser? changed = null;
        var result = await runner.RunAsync<ShopUser>(caller, caller.UserId, Keys.User(caller.UserId), null, null, (user, change) =>
        {
            if (!passwords.Verify(user, current)) throw ValidationFailedException.For("currentPassword", "is not your current password.");
            user.ChangePassword(passwords.Hash(next!), change);
            changed = user;
            return Task.FromResult(Enumerable.Empty<TableWrite>());
        }, user => UsersApi.ToDto(user), "User", ct: http.RequestAborted);
        if (changed is not null)
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionClaims.For(caller.ShopId, changed));
        return result;
    }

    public static async Task<(string ShopId, ShopUser User)?> FindUserAsync(IShopTable table, string email, CancellationToken ct)
    {
        if (email.Length is 0 or > 254) return null;
        if (await table.GetAsync<LoginEntry>(Keys.Install, Keys.Login(email), ct) is not { } entry) return null;
        var user = await table.GetAsync<ShopUser>(entry.Value.ShopId, Keys.User(entry.Value.UserId), ct);
        return user is null || user.Value.Email != email ? null : (entry.Value.ShopId, user.Value);
    }

    private static async Task<Session> SessionOfAsync(IShopTable table, string shopId, string userId, string name, string? email,
        Role role, CancellationToken ct)
    {
        var shop = (await table.GetAsync<ShopProfile>(shopId, Keys.Shop, ct))?.Value;
        return new Session(userId, name, email, role, shopId, shop?.Name ?? shopId, shop?.Currency ?? "USD");
    }
}
