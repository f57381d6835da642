namespace OrleansMonitor.Grains.Storage;

/// <summary>One raw check as a rebuild needs it: when, how fast, whether it failed.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.StoredCheck")]
public readonly record struct StoredCheck(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int LatencyMs,
    [property: Id(2)] bool IsDown);
