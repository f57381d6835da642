namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>A push monitor's expectations: a beat at least every <paramref name="IntervalSeconds"/>, with a grace period.</summary>
/// <param name="Token">The secret in the public receiver URL /api/incoming/heartbeat/:token.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.HeartbeatCheck")]
public sealed record HeartbeatCheck(
    [property: Id(0)] int IntervalSeconds,
    [property: Id(1)] int GraceSeconds,
    [property: Id(2)] string Token);
