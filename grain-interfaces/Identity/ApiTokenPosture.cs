namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>How many of a user's live API tokens are of each kind, as of the moment it was asked.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ApiTokenPosture")]
public sealed record ApiTokenPosture(
    [property: Id(0)] int Total,
    [property: Id(1)] int ReadOnly,
    [property: Id(2)] int ReadWrite,
    [property: Id(3)] int ExpiringWithin7Days,
    [property: Id(4)] int NeverUsed,
    [property: Id(5)] int WithoutExpiry);
