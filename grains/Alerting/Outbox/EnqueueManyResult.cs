namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>What a batch enqueue came to.</summary>
/// <param name="Recorded">Deliveries recorded now.</param>
/// <param name="AlreadyRecorded">Deliveries whose idempotency key was there already (not recorded again).</param>
/// <param name="Rejected">Positions in the batch of the deliveries PostgreSQL refused for their content (each logged).</param>
public sealed record EnqueueManyResult(int Recorded, int AlreadyRecorded, IReadOnlyList<int> Rejected);
