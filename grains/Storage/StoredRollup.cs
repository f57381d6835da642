namespace OrleansMonitor.Grains.Storage;

/// <summary>One five-minute roll-up row as a re-activated monitor restores it (latency over every check of the bucket).</summary>
public readonly record struct StoredRollup(DateTimeOffset Bucket, int Checks, int UpChecks, long LatencySum, int MinLatencyMs, int MaxLatencyMs);
