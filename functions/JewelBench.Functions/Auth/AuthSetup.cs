using System.Threading.RateLimiting;
using JewelBench.Core.Shops;
using JewelBench.Functions.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Auth;

public static class AuthSetup
{
    public const string CookieName = "jewelbench.session";

    /// <summary>Cookie sessions, the role policies, and the rate limits on sign-in.</summary>
    public static IServiceCollection AddJewelBenchAuth(this IServiceCollection services)
    {
        services.AddSingleton<Passwords>();
        services.AddDataProtection().SetApplicationName("JewelBench");
        services.AddOptions<KeyManagementOptions>().Configure<IShopTable>((o, table) => o.XmlRepository = new TableKeyRing(table));
        services.AddSingleton<SignInThrottle>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // Session lifetime is wall-clock security, not the shop's business time that tests move.
            o.TimeProvider = TimeProvider.System;
            // An API answers 401/403 rather than redirecting to a login page.
            o.Events.OnRedirectToLogin = c => ProblemWriter.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized,
                "Sign in first", "Your session has ended or you have not signed in.");
            o.Events.OnRedirectToAccessDenied = c => ProblemWriter.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden,
                "Not allowed for your role", "Your role in this shop does not allow this.");
            o.Events.OnValidatePrincipal = SessionClaims.ValidateAsync;
        });

        var staff = new AuthorizationPolicyBuilder().RequireRole(nameof(Role.Owner), nameof(Role.Staff)).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Owner, p => p.RequireRole(nameof(Role.Owner)))
            .AddPolicy(Policies.Staff, staff)
            .AddPolicy(Policies.Monitor, p => p.RequireRole(nameof(Role.Owner), nameof(Role.Staff), nameof(Role.Kiosk)))
            .SetFallbackPolicy(staff);

        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policies.SignInLimit, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<JewelBenchOptions>>().Value.SignIn;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                return new ValueTask(TooManyAttemptsAsync(context.HttpContext, wait));
            };
        });
        return services;
    }

    public static async Task TooManyAttemptsAsync(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        await ProblemWriter.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many attempts",
            $"Wait {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minute(s) and try again.");
    }
}
