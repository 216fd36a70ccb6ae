namespace JewelBench.Core.Jobs;

/// <summary>Who makes a change, when, and why: every history event carries these.</summary>
public sealed record Change(string By, DateTimeOffset At, string? Reason = null);
