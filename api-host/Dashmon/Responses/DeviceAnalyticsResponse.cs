using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Analytics;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/devices/:id/analytics</c>: a device's uptime and latency over a range.</summary>
public sealed record DeviceAnalyticsResponse(
    Guid DeviceId,
    string Range,
    DateTimeOffset From,
    DateTimeOffset To,
    double UptimePercentage,
    long Checks,
    long Failures,
    double DowntimeSeconds,
    int Incidents,
    LatencySummary Latency) : SuccessResponse
{
    public static DeviceAnalyticsResponse Of(Guid deviceId, string range, DeviceAnalytics figures) => new(
        deviceId,
        range,
        figures.From,
        figures.To,
        figures.UptimePercentage,
        figures.Checks,
        figures.Failures,
        figures.DowntimeSeconds,
        figures.Incidents,
        new LatencySummary(figures.AverageLatencyMs, figures.P50, figures.P95, figures.P99));
}
