namespace JewelBench.Functions.Auth;

/// <summary>The authorization policies; an endpoint without one needs <see cref="Staff"/>.</summary>
public static class Policies
{
    public const string Owner = "Owner";

    /// <summary>Owners and staff: jobs, customers and inventory.</summary>
    public const string Staff = "Staff";

    /// <summary>Anyone signed in, the kiosk too: the read-only workshop monitor.</summary>
    public const string Monitor = "Monitor";

    /// <summary>The rate limit on everything that takes a secret from an anonymous caller.</summary>
    public const string SignInLimit = "sign-in";
}
