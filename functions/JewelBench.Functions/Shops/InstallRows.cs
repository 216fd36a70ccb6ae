namespace JewelBench.Functions.Shops;

/// <summary>The install is set up once: its first shop exists.</summary>
public sealed record SetupRecord(string ShopId, DateTimeOffset At);

/// <summary>Which shop and user an email signs in to.</summary>
public sealed record LoginEntry(string ShopId, string UserId);

/// <summary>Which shop and link a kiosk token opens.</summary>
public sealed record KioskTokenEntry(string ShopId, string LinkId);

/// <summary>A revocable link that opens the workshop monitor on a wall screen without a password.</summary>
public sealed record KioskLink(string Id, string Name, string TokenHash, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>One shop of the install.</summary>
public sealed record ShopIndexEntry(string ShopId);
