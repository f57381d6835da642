namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// A delivery to record in the outbox before anything is sent. The idempotency key is unique: recording the same key
/// twice records it once, so an event replayed after a crash is never sent twice.
/// </summary>
/// <param name="WorkspaceId">The workspace it belongs to (its history is shown there only).</param>
/// <param name="Channel">How it is sent.</param>
/// <param name="Destination">Where (see <see cref="AlertDelivery.Destination"/>).</param>
/// <param name="Secret">Signing secret or routing key, or null.</param>
/// <param name="Event">What it says.</param>
/// <param name="IdempotencyKey">Unique per event, channel and recipient (for example "incident:{id}:opened:slack:{url hash}").</param>
/// <param name="NotBefore">When it is due (an escalation step's delay is added here).</param>
/// <param name="WebhookId">The Monoduty webhook it counts for, when it came through one.</param>
public sealed record NewDelivery(
    Guid WorkspaceId,
    ChannelKind Channel,
    string Destination,
    string? Secret,
    AlertEvent Event,
    string IdempotencyKey,
    DateTimeOffset NotBefore,
    Guid? WebhookId = null);
