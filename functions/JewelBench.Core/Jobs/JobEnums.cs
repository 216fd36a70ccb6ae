namespace JewelBench.Core.Jobs;

public enum JobModule { Production, Repair, Custom }

/// <summary>
/// Production runs Draft → InProduction → Completed; repairs and custom jobs run Received / NeedsQuote /
/// WaitingOnVendor (lane In Shop) → InProgress → ReadyForPickup → PickedUp. Canceled ends either.
/// </summary>
public enum JobStatus { Draft, InProduction, Completed, Canceled, Received, NeedsQuote, WaitingOnVendor, InProgress, ReadyForPickup, PickedUp }

/// <summary>Where the piece is: at the bench, in the safe, or out at a named vendor.</summary>
public enum Place { Bench, Safe, Vendor }

public enum PaymentMethod { Cash, Card, Check, Other }

public enum ApprovalChannel { InPerson, Phone, Email, Text }

public enum StageStatus { Pending, InProgress, Done, Skipped }

public enum VendorKind { InHouse, Outside }

/// <summary>Materials are quantity or weight; labor is hours × rate (cost only); a fee is a one-off charge.</summary>
public enum ItemKind { Material, Labor, Fee }

public enum Lane { InShop, InProgress, ReadyForPickup, OnHold }
