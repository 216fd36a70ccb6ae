namespace JewelBench.Core.Jobs;

public enum JobModule { Production, Repair, Custom }

public enum JobStatus { Draft, InProduction, Completed, Canceled }

public enum StageStatus { Pending, InProgress, Done, Skipped }

public enum VendorKind { InHouse, Outside }

/// <summary>Materials are quantity or weight; labor is hours × rate (cost only); a fee is a one-off charge.</summary>
public enum ItemKind { Material, Labor, Fee }

public enum Lane { InShop, InProgress, ReadyForPickup, OnHold }
