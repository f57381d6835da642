namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>A session secret handed to the user once (as a cookie), and whom it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.SessionGrant")]
public sealed record SessionGrant(
    [property: Id(0)] string Secret,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] Principal Principal);
