using System.Text.Json;
using System.Text.Json.Nodes;

namespace JewelBench.Functions.Http;

/// <summary>
/// A request body read field by field, so a wrong type is reported against its field by name and a
/// partial update can tell an absent field from a null one.
/// </summary>
public sealed class JsonBody
{
    private readonly JsonObject _json;
    private readonly Dictionary<string, List<string>> _errors = [];

    private JsonBody(JsonObject json) => _json = json;

    public static async Task<JsonBody> ReadAsync(HttpRequest request)
    {
        try
        {
            var node = request.ContentLength is 0 ? new JsonObject() : await JsonNode.ParseAsync(request.Body);
            return node is JsonObject json
                ? new JsonBody(json)
                : throw ValidationFailedException.For("body", "must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ValidationFailedException.For("body", "is not valid JSON.");
        }
    }

    /// <summary>Query-string parameters read with the same field-by-field checks; numbers given as text are accepted.</summary>
    public static JsonBody FromQuery(Dictionary<string, string?> values) => new(new JsonObject(values
        .Where(v => !string.IsNullOrWhiteSpace(v.Value))
        .Select(v => KeyValuePair.Create(v.Key, int.TryParse(v.Value, out _) ? JsonNode.Parse(v.Value) : JsonValue.Create(v.Value)))));

    public bool Has(string field) => _json.ContainsKey(field);

    public string? Text(string field) => Read(field, n => n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : Invalid<string>(), "must be text.");

    public bool? Bool(string field) => Read(field, n => n.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => Invalid<bool?>(),
    }, "must be true or false.");

    public decimal? Decimal(string field) => Read(field, n => n.GetValueKind() == JsonValueKind.Number ? n.GetValue<decimal>() : Invalid<decimal?>(), "must be a number.");

    public int? Int(string field) => Read(field, n => n.GetValueKind() == JsonValueKind.Number && n.GetValue<decimal>() % 1 == 0
        ? (int)n.GetValue<decimal>() : Invalid<int?>(), "must be a whole number.");

    public DateOnly? Date(string field) => Read(field, n => n.GetValueKind() == JsonValueKind.String && DateOnly.TryParseExact(n.GetValue<string>(), "yyyy-MM-dd", out var d)
        ? d : Invalid<DateOnly?>(), "must be a date as YYYY-MM-DD.");

    public TEnum? Enum<TEnum>(string field) where TEnum : struct, System.Enum => Read(field, n =>
        n.GetValueKind() == JsonValueKind.String && System.Enum.TryParse<TEnum>(n.GetValue<string>(), true, out var v) && System.Enum.IsDefined(v)
            ? v : Invalid<TEnum?>(), $"must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");

    /// <summary>The value of a present field for a partial update; absent fields stay unset.</summary>
    public Optional<T> Maybe<T>(string field, Func<string, T> read) => Has(field) ? new Optional<T>(read(field)) : default;

    /// <summary>A field that may be left out of a partial update but, when sent, may not be null.</summary>
    public Optional<T> MaybeValue<T>(string field, Func<string, T?> read) where T : struct
    {
        if (!Has(field)) return default;
        Require(field);
        return read(field) is { } value ? new Optional<T>(value) : default;
    }

    public void Require(string field)
    {
        if (!Has(field) || _json[field] is null) AddError(field, "is required.");
    }

    /// <summary>Throws the collected type errors, if any, as one 400 answer.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private T? Read<T>(string field, Func<JsonNode, T> convert, string reason)
    {
        var node = _json[field];
        if (node is null) return default;
        try
        {
            return convert(node);
        }
        catch (Exception e) when (e is InvalidTypeException or FormatException or OverflowException or InvalidOperationException)
        {
            AddError(field, reason);
            return default;
        }
    }

    private static T Invalid<T>() => throw new InvalidTypeException();

    private void AddError(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons)) _errors[field] = reasons = [];
        reasons.Add(reason);
    }

    private sealed class InvalidTypeException : Exception;
}
