using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>One alert delivery and how it went (GET /api/alerts/deliveries/:id); the destination is masked.</summary>
public sealed record DeliveryResponse(
    Guid Id,
    string Channel,
    string Destination,
    string Event,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt) : SuccessResponse
{
    public static DeliveryResponse Of(DeliveryInfo delivery) => new(
        delivery.Id,
        ChannelNames.Of(delivery.Channel),
        delivery.Destination,
        delivery.Event,
        delivery.Status,
        delivery.Attempts,
        delivery.LastStatusCode,
        delivery.LastError,
        delivery.CreatedAt,
        delivery.CompletedAt);
}
