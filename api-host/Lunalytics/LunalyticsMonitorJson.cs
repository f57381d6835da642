using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Lunalytics.Responses;

namespace OrleansMonitor.ApiHost.Lunalytics;

/// <summary>Maps grain snapshots to the Lunalytics Monitor, Heartbeat and Certificate objects.</summary>
public static class LunalyticsMonitorJson
{
    public static LunalyticsMonitorResponse Monitor(MonitorSnapshot monitor)
    {
        var config = monitor.Config;
        var isHttp = config.Type == MonitorType.Http;
        return new LunalyticsMonitorResponse(
            monitor.MonitorId,
            config.Name,
            config.Url,
            config.Interval,
            config.RetryInterval,
            config.RequestTimeout,
            isHttp ? config.Method : null,
            isHttp ? config.Headers ?? new Dictionary<string, string>() : null,
            isHttp ? Body(config.Body) : null,
            isHttp ? config.ValidStatusCodes ?? [] : null,
            monitor.OwnerEmail,
            config.Type,
            config.Port,
            Math.Round(monitor.UptimePercentage, 2),
            Math.Round(monitor.AverageHeartbeatLatency, 0),
            monitor.LastCheck?.ToUnixTimeMilliseconds(),
            monitor.NextCheck?.ToUnixTimeMilliseconds(),
            monitor.IsDown,
            Heartbeats(monitor.Heartbeats),
            LunalyticsCertificateDetails.Of(monitor.Certificate, monitor.NextCheck),
            Percentiles(monitor.Percentiles));
    }

    public static IReadOnlyList<LunalyticsHeartbeat> Heartbeats(IEnumerable<Heartbeat> heartbeats) =>
        heartbeats.Select(LunalyticsHeartbeat.Of).ToArray();

    private static Dictionary<string, LunalyticsLatencyWindow> Percentiles(IEnumerable<LatencyPercentiles> windows)
    {
        var json = new Dictionary<string, LunalyticsLatencyWindow>(StringComparer.Ordinal);
        foreach (var window in windows)
        {
            json[window.Window] = new LunalyticsLatencyWindow(window.Count, window.P50, window.P95, window.P99);
        }

        return json;
    }

    private static JsonNode Body(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(body) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
