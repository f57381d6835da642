namespace OrleansMonitor.Grains.Metrics;

/// <summary>One non-empty 5-minute bucket of a <see cref="RollupSeries"/>.</summary>
/// <param name="Start">Start of the bucket (UTC, aligned to 5 minutes).</param>
/// <param name="MinLatencyMs">Exact up to 32,767 ms, rounded down to 32 ms above.</param>
/// <param name="MaxLatencyMs">Exact up to 32,767 ms, rounded down to 32 ms above.</param>
public readonly record struct RollupPoint(DateTimeOffset Start, int Checks, int UpChecks, double AverageLatencyMs, int MinLatencyMs, int MaxLatencyMs);
