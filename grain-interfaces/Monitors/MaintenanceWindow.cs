namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>A span during which failures of a monitor open no incident and send no alert (probes keep running).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.MaintenanceWindow")]
public sealed record MaintenanceWindow(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] string? Reason)
{
    public bool Covers(DateTimeOffset at) => at >= Start && at < End;
}
