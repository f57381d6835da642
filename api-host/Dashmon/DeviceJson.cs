using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Lunalytics;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>Maps monitor snapshots and summaries to Dashmon device objects (ISO-8601 UTC timestamps).</summary>
public static class DeviceJson
{
    public static readonly IReadOnlyList<string> TypeNames = ["http", "tcp", "ping", "dns", "heartbeat"];

    public static MonitorType? ParseType(string text) => text.Trim().ToLowerInvariant() switch
    {
        "http" => MonitorType.Http,
        "tcp" => MonitorType.Tcp,
        "ping" => MonitorType.Ping,
        "dns" => MonitorType.Dns,
        "heartbeat" => MonitorType.Heartbeat,
        _ => null,
    };

    public static string TypeName(MonitorType type) => type.ToString().ToLowerInvariant();

    public static string? Iso(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Summary(DeviceSummary device) => new()
    {
        ["id"] = device.Id.ToString(),
        ["projectId"] = device.ProjectId.ToString(),
        ["name"] = device.Name,
        ["type"] = TypeName(device.Type),
        ["status"] = device.Status,
        ["lastCheck"] = Iso(device.LastCheck),
        ["latencyMs"] = device.LatencyMs,
        ["uptime24h"] = Math.Round(device.Uptime24h, 2),
    };

    public static JsonObject Device(MonitorSnapshot monitor, IReadOnlyList<string> tags)
    {
        var config = monitor.Config;
        var json = new JsonObject
        {
            ["id"] = monitor.MonitorId.ToString(),
            ["projectId"] = monitor.ProjectId.ToString(),
            ["name"] = config.Name,
            ["type"] = TypeName(config.Type),
            ["url"] = config.Type is MonitorType.Heartbeat ? null : config.Url,
            ["port"] = config.Port,
            ["interval"] = config.Interval,
            ["retryInterval"] = config.RetryInterval,
            ["timeout"] = config.RequestTimeout,
            ["method"] = config.Method,
            ["expectedStatus"] = config.ValidStatusCodes is { } codes ? new JsonArray(codes.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()) : null,
            ["status"] = monitor.Status,
            ["isDown"] = monitor.IsDown,
            ["lastCheck"] = Iso(monitor.LastCheck),
            ["nextCheck"] = Iso(monitor.NextCheck),
            ["latencyMs"] = monitor.Heartbeats.Count > 0 ? monitor.Heartbeats[0].Latency : null,
            ["uptime24h"] = Math.Round(monitor.UptimePercentage, 2),
            ["averageLatencyMs"] = Math.Round(monitor.AverageHeartbeatLatency, 1),
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["maintenance"] = Maintenance(monitor.Maintenance),
            ["dns"] = config.Dns is { } dns ? Dns(dns) : null,
            ["heartbeat"] = config.Heartbeat is { } push ? new JsonObject { ["interval"] = push.IntervalSeconds, ["grace"] = push.GraceSeconds } : null,
            ["assertions"] = config.Assertions is { } assertions ? SyntheticJson.Assertions(assertions) : null,
            ["openIncidentId"] = monitor.OpenIncidentId,
            ["createdAt"] = Iso(monitor.CreatedAt),
            ["lastMessage"] = monitor.Heartbeats.Count > 0 ? monitor.Heartbeats[0].Message : null,
        };
        return json;
    }

    public static JsonObject? Maintenance(MaintenanceWindow? window) => window is null
        ? null
        : new JsonObject { ["start"] = Iso(window.Start), ["end"] = Iso(window.End), ["reason"] = window.Reason };

    public static JsonObject Dns(DnsCheck dns) => new()
    {
        ["recordType"] = dns.RecordType,
        ["name"] = dns.Name,
        ["resolver"] = dns.Resolver,
        ["expected"] = new JsonArray(dns.Expected.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        ["match"] = dns.MatchAll ? "all" : "any",
    };

    public static JsonObject HistorySample(Heartbeat heartbeat) => new()
    {
        ["time"] = Iso(heartbeat.Date),
        ["up"] = !heartbeat.IsDown,
        ["latencyMs"] = heartbeat.Latency,
        ["status"] = LunalyticsMonitorJson.Heartbeat(heartbeat)["status"]!.DeepClone(),
        ["message"] = heartbeat.Message,
    };
}
