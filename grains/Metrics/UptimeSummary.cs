namespace OrleansMonitor.Grains.Metrics;

/// <summary>Checks over a window: how many, how many up, the uptime share in percent (0 when there were no checks) and the mean latency of all checks.</summary>
public readonly record struct UptimeSummary(int Checks, int UpChecks, double UptimePercentage, double AverageLatencyMs);
