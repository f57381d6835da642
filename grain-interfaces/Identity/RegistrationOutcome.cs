namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>A new account and its first session, or why registration was refused.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.RegistrationOutcome")]
public sealed record RegistrationOutcome(
    [property: Id(0)] SessionGrant? Session,
    [property: Id(1)] bool EmailTaken,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Errors);
