namespace JewelBench.Core.Jobs;

/// <summary>Collects every field error of one request so the caller hears all of them at once.</summary>
internal sealed class Checks
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Fail(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons)) _errors[field] = reasons = [];
        reasons.Add(reason);
    }

    public string? Text(string field, string? value, int maxLength, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required) Fail(field, "is required.");
        else if (text?.Length > maxLength) Fail(field, $"must be at most {maxLength} characters.");
        return text;
    }

    public decimal Amount(string field, decimal value, bool positive = false)
    {
        if (positive ? value <= 0 : value < 0) Fail(field, positive ? "must be greater than zero." : "must not be negative.");
        else if (value > 10_000_000m) Fail(field, "is too large.");
        return value;
    }

    /// <summary>A sum of money charged as it is: whole cents, so totals and splits add up exactly.</summary>
    public decimal Money(string field, decimal value)
    {
        if (value != Jobs.Money.Round(value)) Fail(field, "must be in whole cents (at most 2 decimal places).");
        return Amount(field, value);
    }

    public int Range(string field, int value, int min, int max)
    {
        if (value < min || value > max) Fail(field, $"must be between {min} and {max}.");
        return value;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
