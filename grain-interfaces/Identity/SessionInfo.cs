namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>A live session as listed to its user (never its secret).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] Guid WorkspaceId,
    [property: Id(4)] bool IsCurrent);
