using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansMonitor.ApiHost.Lunalytics.Responses;

/// <summary>A Lunalytics heartbeat: <c>status</c> is the HTTP status as a number, or the probe's text (<c>ok</c>, <c>timeout</c>…); <c>date</c> in Unix milliseconds.</summary>
public sealed record LunalyticsHeartbeat(long Id, JsonNode Status, int Latency, long Date, bool IsDown, string Message)
{
    public static LunalyticsHeartbeat Of(Heartbeat heartbeat) => new(
        heartbeat.Id,
        StatusOf(heartbeat),
        heartbeat.Latency,
        heartbeat.Date.ToUnixTimeMilliseconds(),
        heartbeat.IsDown,
        heartbeat.Message);

    /// <summary>The status as written: a number when it is an HTTP status code, else the text.</summary>
    public static JsonNode StatusOf(Heartbeat heartbeat) =>
        int.TryParse(heartbeat.Status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? JsonValue.Create(code) : JsonValue.Create(heartbeat.Status);
}
