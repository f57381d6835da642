namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>One incident as GET /api/incidents lists it; <paramref name="ProjectId"/> is its device's project (null once the device is gone).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.IncidentView")]
public sealed record IncidentView(
    [property: Id(0)] long Id,
    [property: Id(1)] Guid DeviceId,
    [property: Id(2)] string DeviceName,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? ResolvedAt,
    [property: Id(5)] string Cause,
    [property: Id(6)] string? Resolution,
    [property: Id(7)] Guid? ProjectId = null);
