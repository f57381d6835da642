namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>What a dependent device asks of its parent before it opens an incident: whether the parent is down, and its name.</summary>
/// <param name="IsDown">
/// Declared down (its last verdict), with an incident open, or failing its latest probe (not yet declared down: a parent
/// and a child failing at once are then suppressed whichever is declared down first; the child asks again at its next failure).
/// </param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ParentStatus")]
public sealed record ParentStatus(
    [property: Id(0)] bool IsDown,
    [property: Id(1)] string Name);
