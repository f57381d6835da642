namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Sends one delivery over one kind of channel. A sender never throws for a receiver's failure: it answers a failed
/// <see cref="ChannelResult"/> (retryable or not); only the caller's own cancellation throws. Every stage is bounded by
/// the cancellation token the outbox passes, so a stalled receiver costs one attempt for at most its timeout.
/// </summary>
public interface IAlertChannel
{
    ChannelKind Kind { get; }

    Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken);
}
