namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What GET /api/devices/{id}/latency/percentiles answers for one window.</summary>
public sealed record DashmonPercentiles(string Window, long Samples, int? P50 = null, int? P95 = null, int? P99 = null);
