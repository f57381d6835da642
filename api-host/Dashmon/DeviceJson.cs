using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Json;
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

    public static string TypeName(MonitorType type) => SnakeCaseEnumConverter.Name(type);

    public static string? Iso(DateTimeOffset? value) => IsoTimestampConverter.Format(value);

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

    public static JsonObject? Maintenance(MaintenanceWindow? window) => window is null
        ? null
        : new JsonObject { ["start"] = Iso(window.Start), ["end"] = Iso(window.End), ["reason"] = window.Reason };
}
