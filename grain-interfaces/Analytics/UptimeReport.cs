namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>An uptime report over the projects one caller sees.</summary>
/// <param name="Since">The start of the span the report covers.</param>
/// <param name="TimeZone">The caller's IANA time zone, in which periods start.</param>
/// <param name="Devices">Every device of those projects, by name (case-insensitive), with its periods.</param>
/// <param name="Projects">Those projects, oldest first, with their devices' periods summed.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.UptimeReport")]
public sealed record UptimeReport(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] IReadOnlyList<DeviceUptime> Devices,
    [property: Id(3)] IReadOnlyList<ProjectUptime> Projects);
