namespace JewelBench.Core.Jobs;

public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Splits an amount into equal parts whose cents add up exactly to the amount.</summary>
    public static decimal[] Split(decimal amount, int parts)
    {
        var cents = (long)(Round(amount) * 100);
        var share = cents / parts;
        var extra = cents % parts;
        return Enumerable.Range(0, parts).Select(i => (share + (i < extra ? 1 : 0)) / 100m).ToArray();
    }
}
