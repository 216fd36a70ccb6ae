using System.Threading.RateLimiting;
using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Auth;

/// <summary>
/// Limits password attempts per account, whichever address they come from, so a guessing run on one
/// account is stopped even when spread over many addresses. Kept per host instance.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IOptions<JewelBenchOptions> options) =>
        _limiter = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.SignIn.PerAccountPer15Minutes, Window = TimeSpan.FromMinutes(15), QueueLimit = 0,
            }));

    /// <summary>Takes one attempt for the account, or says how long to wait.</summary>
    public bool TryAttempt(string account, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(account);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(15);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
