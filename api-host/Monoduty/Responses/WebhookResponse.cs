using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>The answer of <c>POST /api/webhooks</c> and <c>GET /api/webhooks/:id</c>.</summary>
public sealed record WebhookResponse([property: JsonPropertyName("webhook")] WebhookView Webhook) : SuccessResponse;
