namespace OrleansMonitor.Tests.Lunalytics;

/// <summary>Nearest-rank latency percentiles (ms) of one window of <c>latencyPercentiles</c> ("1h", "24h", ...).</summary>
public sealed record LunalyticsLatencyWindow(int Count, double P50, double P95, double P99);
