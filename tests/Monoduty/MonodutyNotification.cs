using System.Text.Json.Serialization;

namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyNotification(
    long Id,
    string Title,
    string Message,
    string Kind,
    bool Read,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("webhook_id")] string? WebhookId,
    [property: JsonPropertyName("incident_id")] long? IncidentId);
