namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>An API token as listed: never its secret.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ApiTokenInfo")]
public sealed record ApiTokenInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Label,
    [property: Id(2)] AccessLevel AccessLevel,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? ExpiresAt,
    [property: Id(5)] DateTimeOffset? LastUsedAt,
    [property: Id(6)] string Prefix);
