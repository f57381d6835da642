namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>Uptime of one device in one report period.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.UptimeRow")]
public sealed record UptimeRow(
    [property: Id(0)] Guid DeviceId,
    [property: Id(1)] DateTimeOffset PeriodStart,
    [property: Id(2)] long Checks,
    [property: Id(3)] long UpChecks,
    [property: Id(4)] long MaintenanceChecks,
    [property: Id(5)] long MaintenanceUpChecks);
