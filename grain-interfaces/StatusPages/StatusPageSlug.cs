using System.Text.RegularExpressions;

namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>What a status page's slug is: 3 to 64 lowercase letters, digits and dashes, neither starting nor ending with a dash.</summary>
public static partial class StatusPageSlug
{
    public const int MinLength = 3;
    public const int MaxLength = 64;

    public static bool IsValid(string? slug) => slug is { Length: >= MinLength and <= MaxLength } && Shape().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
