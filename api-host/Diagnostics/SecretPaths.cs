using System.Text.RegularExpressions;

namespace OrleansMonitor.ApiHost.Diagnostics;

/// <summary>
/// Paths that carry a secret, written with the secret as <c>***</c> wherever a path is logged: the heartbeat receiver's
/// token (<c>/api/incoming/heartbeat/***</c>, the only credential of a push device), a Monoduty inbound URL's
/// (<c>/hooks/***</c>) and an acknowledge link's (<c>/ack/***</c>); and a <c>token</c> query parameter (a private
/// status page's share URL, <c>?token=***</c>).
/// </summary>
public static partial class SecretPaths
{
    private static readonly string[] Prefixes = ["/api/incoming/heartbeat/", "/hooks/", "/ack/"];

    /// <summary>True when <paramref name="text"/> may hold a secret path segment.</summary>
    public static bool Contain(string? text) =>
        text is not null && (Prefixes.Any(prefix => text.Contains(prefix, StringComparison.OrdinalIgnoreCase)) || TokenQuery().IsMatch(text));

    /// <summary><paramref name="text"/> with every secret path segment and <c>token</c> query value replaced by <c>***</c>.</summary>
    public static string Redact(string text) => Contain(text) ? TokenQuery().Replace(SecretSegment().Replace(text, "$1***"), "$1***") : text;

    [GeneratedRegex(@"(/api/incoming/heartbeat/|/hooks/|/ack/)[^/?#\s'""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretSegment();

    [GeneratedRegex(@"([?&]token=)[^&#\s'""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenQuery();
}
