namespace OrleansMonitor.Grains.Metrics;

/// <summary>The header of one hourly segment inside <see cref="HourlyLatencyHistograms"/>.</summary>
internal readonly record struct Segment(long Hour, int Max, int PayloadStart, int End);
