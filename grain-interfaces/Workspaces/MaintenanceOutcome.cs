namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>The answer to a bulk maintenance change.</summary>
/// <param name="Updated">Devices whose window was set or cleared.</param>
/// <param name="NotFound">The other ids asked for, in the order given, once each: not in the workspace, outside the caller's projects, or gone.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.MaintenanceOutcome")]
public sealed record MaintenanceOutcome(
    [property: Id(0)] int Updated,
    [property: Id(1)] IReadOnlyList<Guid> NotFound);
