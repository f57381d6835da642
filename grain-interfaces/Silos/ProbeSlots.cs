namespace OrleansMonitor.GrainInterfaces.Silos;

/// <summary>A silo's bound on probes in flight and how it is used.</summary>
/// <param name="MaxInFlight">Probes that may run at once (<c>Probes:MaxInFlight</c>).</param>
/// <param name="InFlight">Running now.</param>
/// <param name="Waiting">Waiting for a slot now.</param>
/// <param name="HighWater">The most that ran at once since the silo started.</param>
/// <param name="Delayed">Probes that had to wait for a slot before they started.</param>
/// <param name="Skipped">Probes that waited too long and never ran (their monitors planned the next one).</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ProbeSlots")]
public sealed record ProbeSlots(
    [property: Id(0)] int MaxInFlight,
    [property: Id(1)] long InFlight,
    [property: Id(2)] long Waiting,
    [property: Id(3)] long HighWater,
    [property: Id(4)] long Delayed,
    [property: Id(5)] long Skipped);
