namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>A new account and its first session, or why registration was refused.</summary>
/// <param name="RegistrationClosed">Registration is closed and the request held no pending invitation for its email.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.RegistrationOutcome")]
public sealed record RegistrationOutcome(
    [property: Id(0)] SessionGrant? Session,
    [property: Id(1)] bool EmailTaken,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Errors,
    [property: Id(3)] bool RegistrationClosed = false);
