namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>The incident a valid acknowledge link names, as its confirmation page shows it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="MonitorName">Its monitor's name.</param>
/// <param name="Cause">Why it opened.</param>
/// <param name="StartedAt">When it opened.</param>
/// <param name="AcknowledgedAt">When it was acknowledged, or null.</param>
/// <param name="ResolvedAt">When it resolved, or null.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.AcknowledgeLinkView")]
public sealed record AcknowledgeLinkView(
    [property: Id(0)] long IncidentId,
    [property: Id(1)] string MonitorName,
    [property: Id(2)] string Cause,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? AcknowledgedAt,
    [property: Id(5)] DateTimeOffset? ResolvedAt);
