namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>One device of an uptime report with its periods, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeviceUptime")]
public sealed record DeviceUptime(
    [property: Id(0)] Guid DeviceId,
    [property: Id(1)] string Name,
    [property: Id(2)] Guid ProjectId,
    [property: Id(3)] IReadOnlyList<UptimePeriod> Periods);
