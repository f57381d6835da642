using System.Globalization;
using System.Text.Json;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// The words every channel uses for an alert, so Slack, email and SMS say the same thing: the event's wire name
/// ("still_down"), the monitor's state as people read it ("Still down"), whether it is good news, and durations and dates.
/// </summary>
public static class AlertWording
{
    /// <summary>The event kind in snake_case, as the generic webhook's <c>event</c> field carries it ("opened", "still_down").</summary>
    public static string EventName(AlertEventKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>The state an alert reports, for people.</summary>
    public static string State(AlertEventKind kind) => kind switch
    {
        AlertEventKind.Opened => "Down",
        AlertEventKind.Resolved => "Up",
        AlertEventKind.StillDown => "Still down",
        AlertEventKind.Acknowledged => "Acknowledged",
        AlertEventKind.Flapping => "Flapping",
        AlertEventKind.Test => "Test",
        AlertEventKind.Inbound => "Alert",
        AlertEventKind.Stable => "Stable",
        _ => kind.ToString(),
    };

    /// <summary>True when the alert says the trouble is over (shown green); every other kind is shown red.</summary>
    public static bool IsRecovery(AlertEventKind kind) => kind is AlertEventKind.Resolved or AlertEventKind.Stable;

    /// <summary>"1 d 3 h", "2 h 5 min", "3 min 20 s", "45 s": the largest unit and the next one when it is not zero.</summary>
    public static string Duration(TimeSpan duration)
    {
        var d = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
        var (major, majorUnit, minor, minorUnit) = d switch
        {
            { TotalDays: >= 1 } => ((long)d.TotalDays, "d", d.Hours, "h"),
            { TotalHours: >= 1 } => (d.Hours, "h", d.Minutes, "min"),
            { TotalMinutes: >= 1 } => (d.Minutes, "min", d.Seconds, "s"),
            _ => (d.Seconds, "s", 0, string.Empty),
        };
        return minor == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{major} {majorUnit}")
            : string.Create(CultureInfo.InvariantCulture, $"{major} {majorUnit} {minor} {minorUnit}");
    }

    /// <summary>ISO-8601 in UTC to the second: "2026-12-02T05:42:09Z".</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><paramref name="url"/> when it is an absolute http(s) URL (so it can be rendered as a link), otherwise null.</summary>
    public static string? Link(string? url) => ChannelHttpClient.TryParseUrl(url, out var uri) ? uri.AbsoluteUri : null;
}
