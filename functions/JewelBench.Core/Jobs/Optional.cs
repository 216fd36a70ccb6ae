namespace JewelBench.Core.Jobs;

/// <summary>A field of a partial update: absent leaves the value as it is, present (even null) sets it.</summary>
public readonly struct Optional<T>
{
    public Optional(T value) => (Value, HasValue) = (value, true);

    public bool HasValue { get; }
    public T Value { get; }

    public static implicit operator Optional<T>(T value) => new(value);
}
