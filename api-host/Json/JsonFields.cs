using System.Text.Json;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>Typed reads of optional fields of a JSON object, collecting a message per mistyped field.</summary>
public sealed class JsonFields(JsonElement root)
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? String(string name, int maxLength = 2048)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors[name] = $"{name} must be a string";
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            Errors[name] = $"{name} must be at most {maxLength} characters";
            return null;
        }

        return text;
    }

    /// <summary>The field when it is present and not null, whatever its kind (the caller checks the shape).</summary>
    public static JsonElement? Given(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public bool? Boolean(string name)
    {
        if (Given(root, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Errors[name] = $"{name} must be true or false";
        return null;
    }

    public int? Integer(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number == decimal.Truncate(number))
        {
            return number is >= int.MinValue and <= int.MaxValue ? (int)number : (number > 0 ? int.MaxValue : int.MinValue);
        }

        Errors[name] = $"{name} must be a whole number";
        return null;
    }

    public IReadOnlyList<string>? StringList(string name, int maxItems = 100)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > maxItems)
        {
            Errors[name] = $"{name} must be an array of at most {maxItems} strings";
            return null;
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    items.Add(item.GetString()!);
                    break;
                case JsonValueKind.Number when item.TryGetInt32(out var code):
                    items.Add(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    Errors[name] = $"{name} must be an array of strings";
                    return null;
            }
        }

        return items;
    }

    public IReadOnlyDictionary<string, string>? StringMap(string name, int maxItems = 50)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Errors[name] = $"{name} must be an object of string values";
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || map.Count >= maxItems)
            {
                Errors[name] = $"{name} must be an object of at most {maxItems} string values";
                return null;
            }

            map[property.Name] = property.Value.GetString()!;
        }

        return map;
    }

    /// <summary>A JSON object (or array) kept as its raw text; a string holding JSON is accepted too.</summary>
    public string? RawJson(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                return value.GetRawText();
            case JsonValueKind.String:
                return value.GetString();
            default:
                Errors[name] = $"{name} must be a JSON object";
                return null;
        }
    }
}
