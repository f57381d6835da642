namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What GET /api/incidents answers.</summary>
public sealed record DashmonIncidentList(IReadOnlyList<DashmonIncident> Incidents);
