using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>One alert delivery and how it went, its destination masked: as a delivery read and the posture and support summaries show it.</summary>
public sealed record DeliveryView(
    Guid Id,
    string Channel,
    string Destination,
    string Event,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static DeliveryView Of(DeliveryInfo delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new(
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
}
