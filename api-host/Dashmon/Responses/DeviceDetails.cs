namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A device with its settings, state and tags; settings of another kind of device are null.</summary>
public sealed record DeviceDetails(
    Guid Id,
    Guid ProjectId,
    string Name,
    MonitorType Type,
    string? Url,
    int? Port,
    int Interval,
    int RetryInterval,
    int Timeout,
    string? Method,
    IReadOnlyList<string>? ExpectedStatus,
    string Status,
    bool IsDown,
    DateTimeOffset? LastCheck,
    DateTimeOffset? NextCheck,
    int? LatencyMs,
    double Uptime24h,
    double AverageLatencyMs,
    IReadOnlyList<string> Tags,
    MaintenanceWindowResponse? Maintenance,
    DeviceDns? Dns,
    DeviceHeartbeat? Heartbeat,
    IReadOnlyList<DeviceAssertion>? Assertions,
    long? OpenIncidentId,
    DateTimeOffset CreatedAt,
    string? LastMessage,
    Guid? ParentId)
{
    public static DeviceDetails Of(MonitorSnapshot monitor)
    {
        var config = monitor.Config;
        return new DeviceDetails(
            monitor.MonitorId,
            monitor.ProjectId,
            config.Name,
            config.Type,
            config.Type is MonitorType.Heartbeat ? null : config.Url,
            config.Port,
            config.Interval,
            config.RetryInterval,
            config.RequestTimeout,
            config.Method,
            config.ValidStatusCodes,
            monitor.Status,
            monitor.IsDown,
            monitor.LastCheck,
            monitor.NextCheck,
            monitor.Heartbeats.Count > 0 ? monitor.Heartbeats[0].Latency : null,
            Math.Round(monitor.UptimePercentage, 2),
            Math.Round(monitor.AverageHeartbeatLatency, 1),
            monitor.Tags,
            MaintenanceWindowResponse.Of(monitor.Maintenance),
            config.Dns is { } dns ? DeviceDns.Of(dns) : null,
            config.Heartbeat is { } push ? new DeviceHeartbeat(push.IntervalSeconds, push.GraceSeconds) : null,
            config.Assertions is { } assertions ? SyntheticJson.Assertions(assertions) : null,
            monitor.OpenIncidentId,
            monitor.CreatedAt,
            monitor.Heartbeats.Count > 0 ? monitor.Heartbeats[0].Message : null,
            monitor.ParentId);
    }
}
