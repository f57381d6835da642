namespace OrleansMonitor.Bench;

/// <summary>A monitor the benchmark created: its index (which decides its workspace, target port and name) and its id.</summary>
public sealed record BenchMonitor(int Index, Guid Id);
