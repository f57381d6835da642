namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>Where a delivery stands in the outbox. Values are stored (<c>om_alert_deliveries.status</c>): append only.</summary>
public enum DeliveryStatus
{
    /// <summary>Recorded, waiting for its due time (first attempt or a retry).</summary>
    Pending = 0,
    /// <summary>Claimed by a sender under a lease; claimed again by any sender once the lease has passed.</summary>
    Sending = 1,
    /// <summary>The receiver took it.</summary>
    Sent = 2,
    /// <summary>Given up: a permanent failure, no channel for it, or every attempt used.</summary>
    Failed = 3,
    /// <summary>Not sent because the incident was acknowledged first.</summary>
    Cancelled = 4,
}
