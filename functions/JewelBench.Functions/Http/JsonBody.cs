using System.Text.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Http;

/// <summary>
/// A request body read field by field, so a wrong type is reported against its field by name and a
/// partial update can tell an absent field from a null one.
/// </summary>
public sealed class JsonBody
{
    /// <summary>Longest text any field takes; each field has its own, usually much smaller, limit in the domain.</summary>
    private const int MaxTextLength = 10_000;

    private readonly JsonObject _json;
    private readonly HashSet<string> _read = [];
    private readonly Dictionary<string, List<string>> _errors = [];
    private readonly List<(string Prefix, JsonBody Body)> _children = [];

    private JsonBody(JsonObject json) => _json = json;

    /// <summary>
    /// Reads the body as one JSON object, at most the configured size. An empty body is an empty object,
    /// so a route whose fields are all optional can be called without one.
    /// </summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<JewelBenchOptions>>().Value.MaxJsonBodyBytes;
        var bytes = await RequestBody.ReadAsync(request, limit);
        if (bytes.Length == 0) return new JsonBody(new JsonObject());
        try
        {
            return JsonNode.Parse(bytes) is JsonObject json
                ? new JsonBody(json)
                : throw ValidationFailedException.For("body", "must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ValidationFailedException.For("body", "is not valid JSON.");
        }
    }

    /// <summary>Query-string parameters read with the same field-by-field checks; numbers and true/false given as text are accepted.</summary>
    public static JsonBody FromQuery(Dictionary<string, string?> values) => new(new JsonObject(values
        .Where(v => !string.IsNullOrWhiteSpace(v.Value))
        .Select(v => KeyValuePair.Create(v.Key, int.TryParse(v.Value, out _) ? JsonNode.Parse(v.Value)
            : bool.TryParse(v.Value, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(v.Value)))));

    public bool Has(string field)
    {
        _read.Add(field);
        return _json.ContainsKey(field);
    }

    /// <summary>Text without control characters (other than line breaks and tabs), broken surrogates or direction overrides.</summary>
    public string? Text(string field)
    {
        var text = Read(field, n => n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : Invalid<string>(), "must be text.");
        if (text is null) return null;
        if (text.Length > MaxTextLength) AddError(field, $"must be at most {MaxTextLength} characters.");
        else if (!IsPlainText(text)) AddError(field, "must not contain control characters or broken or direction-changing Unicode.");
        else return text;
        return null;
    }

    public bool? Bool(string field) => Read(field, n => n.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => Invalid<bool?>(),
    }, "must be true or false.");

    public decimal? Decimal(string field) => Read(field, n => n.GetValueKind() == JsonValueKind.Number ? n.GetValue<decimal>() : Invalid<decimal?>(), "must be a number.");

    public int? Int(string field) => Read(field, n => n.GetValueKind() == JsonValueKind.Number && n.GetValue<decimal>() % 1 == 0
        ? (int)n.GetValue<decimal>() : Invalid<int?>(), "must be a whole number.");

    public int? Int(string field, int min, int max)
    {
        var value = Int(field);
        if (value < min || value > max) AddError(field, $"must be between {min} and {max}.");
        return value;
    }

    /// <summary>A calendar date as YYYY-MM-DD, within the years a shop's dates can sensibly fall in.</summary>
    public DateOnly? Date(string field) => Read(field, n => n.GetValueKind() == JsonValueKind.String
        && DateOnly.TryParseExact(n.GetValue<string>(), "yyyy-MM-dd", out var d) && d.Year is >= 2000 and <= 2100
        ? d : Invalid<DateOnly?>(), "must be a date as YYYY-MM-DD between 2000 and 2100.");

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

    /// <summary>One nested object, read like a body of its own; its errors come back as field.name. Null when it is absent or null.</summary>
    public JsonBody? Object(string field)
    {
        var node = Read(field, n => n.GetValueKind() == JsonValueKind.Object ? n.AsObject() : Invalid<JsonObject>(), "must be an object.");
        if (node is null) return null;
        var child = new JsonBody((JsonObject)node.DeepClone());
        _children.Add(($"{field}.", child));
        return child;
    }

    /// <summary>A list of objects (e.g. quote lines), each read like a body of its own; their errors come back as field[i].name.</summary>
    public IReadOnlyList<JsonBody> Objects(string field, int max)
    {
        var nodes = Read(field, n => n.GetValueKind() == JsonValueKind.Array ? n.AsArray() : Invalid<JsonArray>(), "must be a list.");
        if (nodes is null) return [];
        if (nodes.Count > max)
        {
            AddError(field, $"must have at most {max} entries.");
            return [];
        }
        var items = new List<JsonBody>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not JsonObject item)
            {
                AddError($"{field}[{i}]", "must be an object.");
                continue;
            }
            var child = new JsonBody((JsonObject)item.DeepClone());
            _children.Add(($"{field}[{i}].", child));
            items.Add(child);
        }
        return items;
    }

    public void Require(string field)
    {
        if (!Has(field) || _json[field] is null) AddError(field, "is required.");
    }

    /// <summary>Throws the collected type errors, and any field the route does not take, as one 400 answer.</summary>
    public void ThrowIfInvalid()
    {
        CollectErrors();
        if (_errors.Count > 0)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private void CollectErrors()
    {
        foreach (var unknown in _json.Select(p => p.Key).Where(k => !_read.Contains(k)).Take(10))
            AddError(unknown.Length > 40 ? unknown[..40] : unknown, "is not a field of this request.");
        foreach (var (prefix, child) in _children)
        {
            child.CollectErrors();
            foreach (var (field, reasons) in child._errors) reasons.ForEach(r => AddError(prefix + field, r));
        }
    }

    private T? Read<T>(string field, Func<JsonNode, T> convert, string reason)
    {
        _read.Add(field);
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

    private static bool IsPlainText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
                     || char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return false;
        }
        return true;
    }

    private static T Invalid<T>() => throw new InvalidTypeException();

    private void AddError(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons)) _errors[field] = reasons = [];
        reasons.Add(reason);
    }

    private sealed class InvalidTypeException : Exception;
}
