namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>One incident as GET /api/incidents lists it; <paramref name="ProjectId"/> is its device's project (null once the device is gone).</summary>
/// <param name="AcknowledgedAt">When it was first acknowledged, or null.</param>
/// <param name="AcknowledgedBy">The email of the member who acknowledged it (null for a link, or a member gone since).</param>
/// <param name="AcknowledgedVia">How: <c>member</c> (the API) or <c>link</c> (a signed acknowledge link); null when not acknowledged.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.IncidentView")]
public sealed record IncidentView(
    [property: Id(0)] long Id,
    [property: Id(1)] Guid DeviceId,
    [property: Id(2)] string DeviceName,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? ResolvedAt,
    [property: Id(5)] string Cause,
    [property: Id(6)] string? Resolution,
    [property: Id(7)] Guid? ProjectId = null,
    [property: Id(8)] DateTimeOffset? AcknowledgedAt = null,
    [property: Id(9)] string? AcknowledgedBy = null,
    [property: Id(10)] string? AcknowledgedVia = null);
