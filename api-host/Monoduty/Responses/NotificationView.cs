using System.ComponentModel;
using System.Text.Json.Serialization;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>One in-app notification as <c>GET /api/notifications</c> lists it.</summary>
public sealed record NotificationView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("kind"), Description("What it tells: inbound, test, opened, resolved, …")] string Kind,
    [property: JsonPropertyName("read"), Description("Read by the caller.")] bool Read,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("webhook_id")] Guid? WebhookId,
    [property: JsonPropertyName("incident_id")] long? IncidentId)
{
    public static NotificationView Of(NotificationEntry entry) =>
        new(entry.Id, entry.Title, entry.Message, entry.Kind, entry.Read, entry.CreatedAt, entry.WebhookId, entry.IncidentId);
}
