namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>A device as a status page shows it to anyone: no id, no target, only its name, state and last check.</summary>
/// <param name="Status">up, down, pending (no probe yet) or maintenance.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.PublicDeviceView")]
public sealed record PublicDeviceView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Status,
    [property: Id(2)] DateTimeOffset? LastCheck);
