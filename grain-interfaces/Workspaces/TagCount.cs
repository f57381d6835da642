namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>A tag and how many devices of the workspace carry it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.TagCount")]
public sealed record TagCount([property: Id(0)] string Tag, [property: Id(1)] int Devices);
