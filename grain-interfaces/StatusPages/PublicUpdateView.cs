namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>A manual update as a status page shows it: the devices it concerns by name.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.PublicUpdateView")]
public sealed record PublicUpdateView(
    [property: Id(0)] UpdateState State,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyList<string> Devices,
    [property: Id(3)] DateTimeOffset CreatedAt);
