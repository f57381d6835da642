using System.ComponentModel;
using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>The answer of an inbound post and of a test: the call recorded and the deliveries it put in the outbox.</summary>
public sealed record DeliveriesResponse(
    [property: JsonPropertyName("call_id")] Guid CallId,
    [property: JsonPropertyName("delivery_ids"), Description("One per notification type of the webhook; they are sent in the background.")] IReadOnlyList<Guid> DeliveryIds) : SuccessResponse;
