using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrleansMonitor.Grains.Probes.Synthetic;

/// <summary>
/// A simple JSON path: member names and array indexes from the root, as "$.a.b", "a.b", "$.items[0].id" or, for names
/// with dots or spaces, "$['a.b']". No wildcards, filters or negative indexes.
/// </summary>
public sealed class JsonPath
{
    public const int MaxLength = 200;

    private readonly (string? Name, int Index)[] _segments;

    private JsonPath((string? Name, int Index)[] segments)
    {
        _segments = segments;
        Text = Render(segments);
    }

    /// <summary>The path in normal form, always starting with "$" ("data.id" becomes "$.data.id").</summary>
    public string Text { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out JsonPath? path, out string error)
    {
        path = null;
        var source = text?.Trim() ?? string.Empty;
        if (source.Length == 0)
        {
            error = "the path is empty";
            return false;
        }

        if (source.Length > MaxLength)
        {
            error = $"the path is longer than {MaxLength} characters";
            return false;
        }

        var segments = new List<(string? Name, int Index)>();
        var position = source[0] == '$' ? 1 : 0;
        var bareNameAllowed = position == 0;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '[')
            {
                if (!TryReadBracket(source, ref position, segments, out error))
                {
                    return false;
                }
            }
            else if (c == '.' || bareNameAllowed)
            {
                var start = c == '.' ? position + 1 : position;
                var end = start;
                while (end < source.Length && source[end] is not ('.' or '[' or ']'))
                {
                    end++;
                }

                if (end == start)
                {
                    error = $"a member name is missing at position {start + 1}";
                    return false;
                }

                segments.Add((source[start..end], 0));
                position = end;
            }
            else
            {
                error = $"unexpected '{c}' at position {position + 1}";
                return false;
            }

            bareNameAllowed = false;
        }

        path = new JsonPath([.. segments]);
        error = string.Empty;
        return true;
    }

    /// <summary>Walks the path from <paramref name="root"/>; false when a member or index is missing or the value has the wrong kind.</summary>
    public bool TryFind(JsonElement root, out JsonElement value)
    {
        value = root;
        foreach (var (name, index) in _segments)
        {
            if (name is not null)
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
                {
                    return false;
                }
            }
            else if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength())
            {
                return false;
            }
            else
            {
                value = value[index];
            }
        }

        return true;
    }

    /// <summary>A JSON value as assertion text: strings without quotes, everything else as its JSON text ("42", "true", "null").</summary>
    public static string ValueText(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return value.GetRawText(); // not text (a lone surrogate): shown as the target wrote it, escapes and all
        }
    }

    public override string ToString() => Text;

    private static bool TryReadBracket(string source, ref int position, List<(string? Name, int Index)> segments, out string error)
    {
        var open = position;
        position++;
        if (position < source.Length && source[position] is '\'' or '"')
        {
            var quote = source[position];
            var close = source.IndexOf(quote, position + 1);
            if (close < 0 || close + 1 >= source.Length || source[close + 1] != ']')
            {
                error = $"the quoted name at position {open + 1} is not closed with {quote}]";
                return false;
            }

            if (close == position + 1)
            {
                error = $"a member name is missing at position {open + 1}";
                return false;
            }

            segments.Add((source[(position + 1)..close], 0));
            position = close + 2;
            error = string.Empty;
            return true;
        }

        var end = source.IndexOf(']', position);
        if (end < 0)
        {
            error = $"'[' at position {open + 1} is not closed";
            return false;
        }

        var digits = source[position..end];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            error = $"'[{digits}]' at position {open + 1} is not an array index";
            return false;
        }

        segments.Add((null, index));
        position = end + 1;
        error = string.Empty;
        return true;
    }

    private static string Render((string? Name, int Index)[] segments)
    {
        var text = new StringBuilder("$");
        foreach (var (name, index) in segments)
        {
            if (name is null)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else if (name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or '@'))
            {
                text.Append('.').Append(name);
            }
            else
            {
                var quote = name.Contains('\'', StringComparison.Ordinal) ? '"' : '\'';
                text.Append('[').Append(quote).Append(name).Append(quote).Append(']');
            }
        }

        return text.ToString();
    }
}
