namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Latency of successful checks over a range, in milliseconds (null without any).</summary>
public sealed record LatencySummary(double? Average, int? P50, int? P95, int? P99);
