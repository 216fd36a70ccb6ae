namespace JewelBench.Bench;

/// <summary>One measured figure, its unit, the target it is held to, and whether it met it.</summary>
public sealed record BenchRow(string Measure, double Value, string Unit, string Target, bool? Met, string Detail = "")
{
    public static string Markdown(IEnumerable<BenchRow> rows) =>
        "| measure | value | target | met | detail |\n| --- | --- | --- | --- | --- |\n" +
        string.Concat(rows.Select(r => $"| {r.Measure} | {r.Value:0.#} {r.Unit} | {r.Target} | {(r.Met is null ? "—" : r.Met.Value ? "yes" : "no")} | {r.Detail} |\n"));
}
