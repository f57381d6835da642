namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>One delivery as its history shows it (an incident's, a webhook's, a workspace's recent ones).</summary>
/// <param name="Id">The delivery's id.</param>
/// <param name="Channel">How it is sent.</param>
/// <param name="Destination">Where (a webhook URL may carry a token: mask it before showing it).</param>
/// <param name="EventKind">What it tells.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Attempts started so far.</param>
/// <param name="LastStatusCode">The receiver's status at the last attempt, when it answered.</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="LastLatencyMs">How long the last attempt took, when there was one.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="CompletedAt">When it was sent, failed for good or cancelled.</param>
public sealed record DeliveryRecord(
    Guid Id,
    ChannelKind Channel,
    string Destination,
    AlertEventKind EventKind,
    DeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    int? LastLatencyMs,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>What a member may see of it: the destination masked, the event and status by name.</summary>
    public DeliveryInfo ToInfo() => new(
        Id,
        Channel,
        DestinationMask.Of(Channel, Destination),
        Channels.AlertWording.EventName(EventKind),
        Status.ToString().ToLowerInvariant(),
        Attempts,
        LastStatusCode,
        LastError,
        CreatedAt,
        CompletedAt);
}
