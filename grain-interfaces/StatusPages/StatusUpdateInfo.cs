namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>A manual update published on a status page.</summary>
/// <param name="DeviceIds">The devices of the page's projects it concerns (none: the page as a whole).</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.StatusUpdateInfo")]
public sealed record StatusUpdateInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] UpdateState State,
    [property: Id(2)] string Message,
    [property: Id(3)] IReadOnlyList<Guid> DeviceIds,
    [property: Id(4)] DateTimeOffset CreatedAt);
