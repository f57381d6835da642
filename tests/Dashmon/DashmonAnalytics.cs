namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What GET /api/devices/{id}/analytics answers for one range.</summary>
public sealed record DashmonAnalytics(
    string DeviceId,
    string Range,
    double UptimePercentage,
    long Checks,
    long Failures,
    double DowntimeSeconds,
    int Incidents,
    DashmonLatency Latency);
