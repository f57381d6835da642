namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>What project lists show of a device; reported by the device's monitor grain after every probe.</summary>
/// <param name="Status">up, down, pending (no probe yet) or maintenance.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeviceSummary")]
public sealed record DeviceSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ProjectId,
    [property: Id(2)] string Name,
    [property: Id(3)] MonitorType Type,
    [property: Id(4)] string Status,
    [property: Id(5)] DateTimeOffset? LastCheck,
    [property: Id(6)] int? LatencyMs,
    [property: Id(7)] double Uptime24h);
