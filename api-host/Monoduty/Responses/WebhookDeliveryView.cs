using System.Text.Json.Serialization;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>One delivery of a webhook's calls and how it went, its destination masked.</summary>
public sealed record WebhookDeliveryView(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("destination")] string Destination,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("last_status_code")] int? LastStatusCode,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt)
{
    public static WebhookDeliveryView Of(DeliveryInfo delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new(
            delivery.Id, ChannelNames.Of(delivery.Channel), delivery.Destination, delivery.Event, delivery.Status, delivery.Attempts,
            delivery.LastStatusCode, delivery.LastError, delivery.CreatedAt, delivery.CompletedAt);
    }
}
