namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>What publishing an update came to: the update, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.StatusUpdateOutcome")]
public sealed record StatusUpdateOutcome(
    [property: Id(0)] StatusUpdateInfo? Update,
    [property: Id(1)] bool NotFound = false,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Errors = null);
