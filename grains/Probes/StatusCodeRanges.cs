using System.Globalization;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// The HTTP status codes a monitor accepts as up, parsed from Lunalytics <c>valid_status_codes</c> entries:
/// a single code ("200"), an inclusive range ("200-299") or a class ("2xx"). Codes must lie in 100-599.
/// Immutable; two instances are equal when their normalized entries are equal.
/// </summary>
public sealed class StatusCodeRanges : IEquatable<StatusCodeRanges>
{
    public const int MinCode = 100;
    public const int MaxCode = 599;

    private readonly StatusCodeRange[] _ranges;

    private StatusCodeRanges(StatusCodeRange[] ranges) => _ranges = ranges;

    /// <summary>200-299, the Lunalytics default.</summary>
    public static StatusCodeRanges Default { get; } = new([new StatusCodeRange(200, 299, "200-299")]);

    public IReadOnlyList<StatusCodeRange> Ranges => _ranges;

    /// <summary>
    /// Parses the entries. On success <paramref name="error"/> is empty; on failure it names the bad entry and
    /// <paramref name="ranges"/> is <see cref="Default"/> (never null), so a caller that ignores the result still has a usable value.
    /// </summary>
    public static bool TryParse(IEnumerable<string>? entries, out StatusCodeRanges ranges, out string error)
    {
        ranges = Default;
        if (entries is null)
        {
            error = "At least one status code is required.";
            return false;
        }

        var parsed = new List<StatusCodeRange>();
        foreach (var entry in entries)
        {
            if (!TryParseEntry(entry, out var range, out error))
            {
                return false;
            }

            if (!parsed.Any(r => r.Text == range.Text))
            {
                parsed.Add(range);
            }
        }

        if (parsed.Count == 0)
        {
            error = "At least one status code is required.";
            return false;
        }

        ranges = new StatusCodeRanges([.. parsed]);
        error = string.Empty;
        return true;
    }

    public bool Contains(int code)
    {
        foreach (var range in _ranges)
        {
            if (range.Contains(code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entries in normalized form ("200", "200-299", "2xx"), in input order without duplicates; they parse back to an equal instance.</summary>
    public IReadOnlyList<string> ToStrings() => [.. _ranges.Select(r => r.Text)];

    public override string ToString() => string.Join(", ", _ranges.Select(r => r.Text));

    public bool Equals(StatusCodeRanges? other) =>
        other is not null && _ranges.AsSpan().SequenceEqual(other._ranges);

    public override bool Equals(object? obj) => obj is StatusCodeRanges other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var range in _ranges)
        {
            hash.Add(range);
        }

        return hash.ToHashCode();
    }

    private static bool TryParseEntry(string? entry, out StatusCodeRange range, out string error)
    {
        range = default;
        var text = entry?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "Empty status code entry.";
            return false;
        }

        if (text.Length == 3 && char.IsAsciiDigit(text[0]) && (text[1] is 'x' or 'X') && (text[2] is 'x' or 'X'))
        {
            var first = (text[0] - '0') * 100;
            if (first < MinCode || first > MaxCode)
            {
                error = $"Status code class '{text}' is outside 1xx-5xx.";
                return false;
            }

            range = new StatusCodeRange(first, first + 99, $"{text[0]}xx");
            error = string.Empty;
            return true;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (!TryParseCode(text, out var code, out error))
            {
                return false;
            }

            range = new StatusCodeRange(code, code, code.ToString(CultureInfo.InvariantCulture));
            return true;
        }

        if (!TryParseCode(text[..dash].Trim(), out var start, out error) || !TryParseCode(text[(dash + 1)..].Trim(), out var end, out error))
        {
            error = $"Invalid status code range '{text}': {error}";
            return false;
        }

        if (start > end)
        {
            error = $"Invalid status code range '{text}': start is greater than end.";
            return false;
        }

        range = start == end
            ? new StatusCodeRange(start, end, start.ToString(CultureInfo.InvariantCulture))
            : new StatusCodeRange(start, end, string.Create(CultureInfo.InvariantCulture, $"{start}-{end}"));
        return true;
    }

    private static bool TryParseCode(string text, out int code, out string error)
    {
        if (text.Length != 3 || !text.All(char.IsAsciiDigit))
        {
            code = 0;
            error = $"'{text}' is not a three-digit status code.";
            return false;
        }

        code = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (code < MinCode || code > MaxCode)
        {
            error = $"Status code {code} is outside {MinCode}-{MaxCode}.";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
