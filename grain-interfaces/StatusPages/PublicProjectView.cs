namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>A project as a status page shows it: its name and its devices, by name.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.PublicProjectView")]
public sealed record PublicProjectView(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<PublicDeviceView> Devices);
