namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// One alert for one recipient over one channel, as the outbox hands it to a channel.
/// </summary>
/// <param name="Id">The delivery's id (outbox row).</param>
/// <param name="Channel">How it is sent.</param>
/// <param name="Destination">Where: a webhook URL, an email address, a phone number, or a member id for in-app.</param>
/// <param name="Secret">The signing secret (generic webhook) or routing key (PagerDuty), or null.</param>
/// <param name="Event">What it says.</param>
/// <param name="IdempotencyKey">Unique per event, channel and recipient; sent to receivers (header <c>Idempotency-Key</c>) so a
/// delivery repeated after a crash can be recognised.</param>
/// <param name="Attempt">1 for the first attempt.</param>
public sealed record AlertDelivery(
    Guid Id,
    ChannelKind Channel,
    string Destination,
    string? Secret,
    AlertEvent Event,
    string IdempotencyKey,
    int Attempt);
