using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>What a test-send queued: poll each delivery at GET /api/alerts/deliveries/:id.</summary>
public sealed record TestSendResponse(int Queued, IReadOnlyList<Guid> DeliveryIds) : SuccessResponse;
