namespace OrleansMonitor.Grains.Storage;

/// <summary>One five-minute roll-up row as a re-activated monitor restores it (latency over every check of the bucket).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.StoredRollup")]
public readonly record struct StoredRollup(
    [property: Id(0)] DateTimeOffset Bucket,
    [property: Id(1)] int Checks,
    [property: Id(2)] int UpChecks,
    [property: Id(3)] long LatencySum,
    [property: Id(4)] int MinLatencyMs,
    [property: Id(5)] int MaxLatencyMs);
