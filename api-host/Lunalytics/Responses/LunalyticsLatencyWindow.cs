namespace OrleansMonitor.ApiHost.Lunalytics.Responses;

/// <summary>Nearest-rank latency percentiles over one window (<c>1h</c>, <c>24h</c>).</summary>
public sealed record LunalyticsLatencyWindow(int Count, double P50, double P95, double P99);
