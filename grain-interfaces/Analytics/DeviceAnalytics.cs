namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>Figures of one device over a range, exact for what was recorded (nearest-rank percentiles over successful checks).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeviceAnalytics")]
public sealed record DeviceAnalytics(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] long Checks,
    [property: Id(3)] long Failures,
    [property: Id(4)] double UptimePercentage,
    [property: Id(5)] double DowntimeSeconds,
    [property: Id(6)] int Incidents,
    [property: Id(7)] double? AverageLatencyMs,
    [property: Id(8)] int? P50,
    [property: Id(9)] int? P95,
    [property: Id(10)] int? P99);
