namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>What a dependent device asks of its parent before it opens an incident: whether the parent is down, and its name.</summary>
/// <param name="IsDown">Declared down (its last verdict) or with an incident open.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ParentStatus")]
public sealed record ParentStatus(
    [property: Id(0)] bool IsDown,
    [property: Id(1)] string Name);
