using System.Globalization;

namespace OrleansMonitor.Grains.Probes.Synthetic;

/// <summary>
/// The rules a monitor's synthetic assertions must meet before they are stored. Error keys are "assertions[i]" (one
/// message per bad assertion) and "assertions" for the list as a whole.
/// </summary>
public static class AssertionRules
{
    public const int MaxAssertions = 20;
    public const int MaxResponseTimeMs = 600_000;
    public const int MaxDays = 3650;
    public const int MaxTextLength = 1000;
    public const int MaxTargetLength = 200;

    /// <summary>Checks every assertion; true when all are well-formed and there are at most <see cref="MaxAssertions"/>.</summary>
    public static bool TryValidate(IReadOnlyList<SyntheticAssertion> assertions, out IReadOnlyDictionary<string, string> errors)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (assertions is null)
        {
            errors = found;
            return true;
        }

        if (assertions.Count > MaxAssertions)
        {
            found[MonitorField.Assertions] = $"At most {MaxAssertions} assertions are allowed";
        }

        for (var i = 0; i < assertions.Count; i++)
        {
            if (Check(assertions[i]) is { } error)
            {
                found[MonitorField.Assertion(i)] = error;
            }
        }

        errors = found;
        return found.Count == 0;
    }

    /// <summary>Why <paramref name="assertion"/> is not well-formed, or null when it is.</summary>
    public static string? Check(SyntheticAssertion? assertion)
    {
        if (assertion is null)
        {
            return "Assertion is required";
        }

        var value = assertion.Value;
        return assertion.Kind switch
        {
            SyntheticAssertionKind.StatusCodeIn =>
                string.IsNullOrWhiteSpace(value) ? "Value is required: status codes such as \"200,204\" or \"200-299\""
                : !TryParseStatusCodes(value, out _, out var codeError) ? $"Invalid status codes: {codeError}"
                : null,
            SyntheticAssertionKind.ResponseTimeBelow =>
                TryParseWhole(value, 1, MaxResponseTimeMs, out _) ? null : $"Value must be a whole number of milliseconds from 1 to {MaxResponseTimeMs}",
            SyntheticAssertionKind.TlsValidDaysAtLeast or SyntheticAssertionKind.DomainDaysAtLeast =>
                TryParseWhole(value, 0, MaxDays, out _) ? null : $"Value must be a whole number of days from 0 to {MaxDays}",
            SyntheticAssertionKind.BodyContains or SyntheticAssertionKind.BodyNotContains =>
                string.IsNullOrEmpty(value) ? "Value is required: the text to look for in the body"
                : value.Length > MaxTextLength ? $"Value must be at most {MaxTextLength} characters"
                : null,
            SyntheticAssertionKind.JsonPathExists => CheckJsonPath(assertion.Target),
            SyntheticAssertionKind.JsonPathEquals => CheckJsonPath(assertion.Target) ?? CheckExpected(value, "the expected JSON value as text", allowLineBreaks: true),
            SyntheticAssertionKind.HeaderEquals => CheckHeaderName(assertion.Target) ?? CheckExpected(value, "the expected header value", allowLineBreaks: false),
            _ => $"Unknown assertion type {(int)assertion.Kind}",
        };
    }

    /// <summary>Parses "200,204", "200-299" or "2xx, 304" (entries separated by commas) with <see cref="StatusCodeRanges"/>.</summary>
    public static bool TryParseStatusCodes(string? value, out StatusCodeRanges ranges, out string error) =>
        StatusCodeRanges.TryParse((value ?? string.Empty).Split(','), out ranges, out error);

    /// <summary>Parses a whole number in [<paramref name="min"/>, <paramref name="max"/>], surrounding spaces allowed.</summary>
    public static bool TryParseWhole(string? value, int min, int max, out int number) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max;

    /// <summary>Whether <paramref name="name"/> is an HTTP header name (an RFC 9110 token).</summary>
    public static bool IsHeaderName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));

    private static string? CheckJsonPath(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return "Target is required: a JSON path such as $.status";
        }

        if (target.Length > MaxTargetLength)
        {
            return $"Target must be at most {MaxTargetLength} characters";
        }

        return JsonPath.TryParse(target, out _, out var error) ? null : $"Target is not a valid JSON path: {error}";
    }

    private static string? CheckHeaderName(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return "Target is required: a header name";
        }

        if (target.Length > MaxTargetLength)
        {
            return $"Target must be at most {MaxTargetLength} characters";
        }

        return IsHeaderName(target.Trim()) ? null : $"Target '{target}' is not a valid HTTP header name";
    }

    private static string? CheckExpected(string? value, string what, bool allowLineBreaks) =>
        value is null ? $"Value is required: {what}"
        : value.Length > MaxTextLength ? $"Value must be at most {MaxTextLength} characters"
        : !allowLineBreaks && value.Any(c => c is '\r' or '\n' or '\0') ? "Value must not contain line breaks"
        : null;
}
