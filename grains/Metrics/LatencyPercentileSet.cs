namespace OrleansMonitor.Grains.Metrics;

/// <summary>Nearest-rank latency percentiles (ms) of <paramref name="Count"/> samples; all zero when Count is 0.</summary>
public readonly record struct LatencyPercentileSet(int Count, double P50, double P95, double P99);
