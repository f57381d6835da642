namespace OrleansMonitor.GrainInterfaces.Silos;

/// <summary>The cluster as its silos report it, and whether the database answers.</summary>
/// <param name="DatabaseReachable">A trivial query succeeded within the deadline.</param>
/// <param name="Silos">The reports of the active silos that answered.</param>
/// <param name="Unanswered">Active silos that did not answer in time.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ClusterReport")]
public sealed record ClusterReport(
    [property: Id(0)] bool DatabaseReachable,
    [property: Id(1)] IReadOnlyList<SiloReport> Silos,
    [property: Id(2)] IReadOnlyList<string> Unanswered);
