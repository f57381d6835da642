namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>Nearest-rank latency percentiles (ms) over one rolling window.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.LatencyPercentiles")]
public sealed record LatencyPercentiles(
    [property: Id(0)] string Window,
    [property: Id(1)] int Count,
    [property: Id(2)] double P50,
    [property: Id(3)] double P95,
    [property: Id(4)] double P99);
