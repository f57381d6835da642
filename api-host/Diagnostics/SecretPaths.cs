using System.Text.RegularExpressions;

namespace OrleansMonitor.ApiHost.Diagnostics;

/// <summary>
/// Paths that carry a secret: the heartbeat receiver's token is the only credential of a push device, so it is written
/// as <c>/api/incoming/heartbeat/***</c> wherever a path is logged; so is a Monoduty inbound URL's (<c>/hooks/***</c>).
/// </summary>
public static partial class SecretPaths
{
    private const string HeartbeatPrefix = "/api/incoming/heartbeat/";
    private const string InboundHookPrefix = "/hooks/";

    /// <summary>True when <paramref name="text"/> may hold a secret path segment.</summary>
    public static bool Contain(string? text) =>
        text is not null && (text.Contains(HeartbeatPrefix, StringComparison.OrdinalIgnoreCase) || text.Contains(InboundHookPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary><paramref name="text"/> with every secret path segment replaced by <c>***</c>.</summary>
    public static string Redact(string text) => Contain(text) ? InboundHookToken().Replace(HeartbeatToken().Replace(text, "$1***"), "$1***") : text;

    [GeneratedRegex(@"(/api/incoming/heartbeat/)[^/?#\s'""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeartbeatToken();

    [GeneratedRegex(@"(/hooks/)[^/?#\s'""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InboundHookToken();
}
