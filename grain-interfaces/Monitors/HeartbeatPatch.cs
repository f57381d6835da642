namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>The parts of a heartbeat monitor's settings (<see cref="HeartbeatCheck"/>) a change gives; null members are kept.</summary>
/// <param name="RegenerateToken">Replace the receiver token in the same change; the old one stops working at once.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.HeartbeatPatch")]
public sealed record HeartbeatPatch(
    [property: Id(0)] int? IntervalSeconds = null,
    [property: Id(1)] int? GraceSeconds = null,
    [property: Id(2)] bool RegenerateToken = false);
