namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>What the outbox holds for one webhook: every delivery recorded, those sent and those failed for good.</summary>
public sealed record WebhookDeliveryStats(long Total, long Successful, long Failed);
