using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Lunalytics.Responses;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>One probe result: <c>status</c> is the HTTP status as a number, or the probe's text.</summary>
public sealed record HistorySample(DateTimeOffset Time, bool Up, int LatencyMs, JsonNode Status, string Message)
{
    public static HistorySample Of(Heartbeat heartbeat) =>
        new(heartbeat.Date, !heartbeat.IsDown, heartbeat.Latency, LunalyticsHeartbeat.StatusOf(heartbeat), heartbeat.Message);
}
