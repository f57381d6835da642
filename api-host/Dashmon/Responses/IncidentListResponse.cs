using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/incidents</c>: incidents of the visible devices, newest first.</summary>
public sealed record IncidentListResponse(string Status, IReadOnlyList<IncidentSummary> Incidents) : SuccessResponse;
