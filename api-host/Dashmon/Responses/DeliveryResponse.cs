using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/alerts/deliveries/:id</c>: one delivery and how it went.</summary>
public sealed record DeliveryResponse(DeliveryView Delivery) : SuccessResponse;
