using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>The answer of <c>GET /api/webhooks</c>.</summary>
public sealed record WebhookListResponse(
    [property: JsonPropertyName("webhooks")] IReadOnlyList<WebhookView> Webhooks,
    [property: JsonPropertyName("total")] int Total) : SuccessResponse;
