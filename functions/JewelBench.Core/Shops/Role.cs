namespace JewelBench.Core.Shops;

/// <summary>What a user may do in their shop.</summary>
public enum Role
{
    /// <summary>Settings, users, prices, reopen, delete, and everything Staff does.</summary>
    Owner,

    /// <summary>Jobs, customers and inventory.</summary>
    Staff,

    /// <summary>The read-only workshop monitor, nothing else.</summary>
    Kiosk,
}
