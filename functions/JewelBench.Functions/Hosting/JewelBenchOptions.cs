namespace JewelBench.Functions.Hosting;

/// <summary>Host-wide settings, from the "jewelbench" section of host.json.</summary>
public sealed class JewelBenchOptions
{
    /// <summary>The shop `./jewelbench start` seeds with demo jobs and users.</summary>
    public string DemoShop { get; set; } = "demo";
    public bool SeedDemoShop { get; set; }
    public string Currency { get; set; } = "USD";
    public int ListPageSize { get; set; } = 25;

    /// <summary>Largest JSON request body accepted, in bytes.</summary>
    public int MaxJsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest image upload accepted (a shop's logo), in bytes.</summary>
    public int MaxImageBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest job photo accepted, in bytes.</summary>
    public int MaxPhotoBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Largest intake signature accepted (a PNG drawn on screen), in bytes.</summary>
    public int MaxSignatureBytes { get; set; } = 512 * 1024;
    public SignInLimits SignIn { get; set; } = new();

    /// <summary>How long a customer's status link keeps working after the job is picked up or canceled.</summary>
    public int StatusLinkDaysAfterClose { get; set; } = 30;

    /// <summary>The app's address as customers reach it, for links in emails.</summary>
    public string PublicUrl { get; set; } = "http://localhost:7071";
}

public sealed class SignInLimits
{
    /// <summary>Sign-in, setup and kiosk-link attempts one network address may make per minute.</summary>
    public int PerAddressPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts (and current-password checks) per account per 15 minutes.</summary>
    public int PerAccountPer15Minutes { get; set; } = 10;
}
