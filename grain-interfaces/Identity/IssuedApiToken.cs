namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>A newly created API token with its raw secret, shown exactly once.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.IssuedApiToken")]
public sealed record IssuedApiToken(
    [property: Id(0)] ApiTokenInfo Info,
    [property: Id(1)] string Secret);
