namespace JewelBench.Core.Materials;

/// <summary>
/// Every way on-hand changes. Allocate takes stock for a job; Remove and Release give it back (an allocation taken off, a
/// canceled job); Hold marks it as being worked in production; Consume uses up what a job holds; Use draws straight from on-hand (a stage's input); Return brings consumed stock back;
/// Receive, Count (a stocktake correction), Scrap (recovered from a loss) and Produce (a stage's output) add or set it;
/// Reverse takes back a Produce or Scrap entry recorded in error.
/// </summary>
public enum LedgerMove { Receive, Allocate, Remove, Hold, Consume, Use, Release, Return, Count, Scrap, Produce, Reverse }

/// <summary>A change to a material's stock that a job command asks for; the store applies it to the material in the same transaction.</summary>
public sealed record MaterialMove(string MaterialId, LedgerMove Move, decimal Quantity, string? JobId = null, string? StageId = null,
    string? Note = null, decimal? UnitCost = null);

/// <summary>One entry of a material's adjustments ledger: what moved, how on-hand and committed stood after, who, when, why, for which job.</summary>
public sealed record LedgerEntry(int Seq, DateTimeOffset At, string By, LedgerMove Move, decimal Quantity, decimal OnHandChange,
    decimal OnHandAfter, decimal CommittedAfter, decimal UnitCost, string? JobId, string? StageId, string? Reason);
