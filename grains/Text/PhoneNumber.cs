using System.Text.RegularExpressions;

namespace OrleansMonitor.Grains.Text;

/// <summary>What the product accepts as a phone number for SMS and voice alerts: E.164, a plus and 7 to 15 digits.</summary>
public static partial class PhoneNumber
{
    /// <summary>True when <paramref name="number"/> is already in E.164 form, as stored recipients are.</summary>
    public static bool IsValid(string? number) => number is { Length: <= 16 } && E164().IsMatch(number);

    /// <summary><paramref name="number"/> as E.164 ("+4915112345678": spaces, dashes, dots and parentheses dropped), or null.</summary>
    public static string? Normalize(string? number)
    {
        if (number is null || number.Length > 64)
        {
            return null;
        }

        var compact = Separators().Replace(number, string.Empty);
        return IsValid(compact) ? compact : null;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    [GeneratedRegex(@"[\s\-.()]", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
