using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>Answer of <c>GET /api/webhooks/:id/deliveries</c>: the newest deliveries of the webhook's calls (at most 100), newest first.</summary>
public sealed record WebhookDeliveriesResponse(
    [property: JsonPropertyName("webhook_id")] Guid WebhookId,
    [property: JsonPropertyName("deliveries")] IReadOnlyList<WebhookDeliveryView> Deliveries,
    [property: JsonPropertyName("total")] int Total) : SuccessResponse;
