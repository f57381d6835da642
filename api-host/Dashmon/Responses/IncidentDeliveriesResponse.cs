using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/incidents/:id/deliveries</c>: the incident's alert deliveries, oldest first (at most 1,000).</summary>
public sealed record IncidentDeliveriesResponse(long IncidentId, IReadOnlyList<DeliveryView> Deliveries) : SuccessResponse;
