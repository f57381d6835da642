namespace OrleansMonitor.Tests.Dashmon;

/// <summary>The latency figures of an analytics range: average and nearest-rank percentiles over successful checks (ms).</summary>
public sealed record DashmonLatency(double? Average = null, int? P50 = null, int? P95 = null, int? P99 = null);
