using System.Text.RegularExpressions;

namespace OrleansMonitor.Grains.Text;

/// <summary>What the product accepts as a phone number for SMS and voice alerts: E.164, a plus and 7 to 15 digits.</summary>
public static partial class PhoneNumber
{
    public static bool IsValid(string? number) => number is { Length: <= 16 } && E164().IsMatch(number);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
