namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>One project of an uptime report with the periods of its devices summed, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ProjectUptime")]
public sealed record ProjectUptime(
    [property: Id(0)] Guid ProjectId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<UptimePeriod> Periods);
