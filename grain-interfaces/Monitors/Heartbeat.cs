namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>One probe result, as the Lunalytics Heartbeat object describes it.</summary>
/// <param name="Id">Unique within its monitor, increasing with time.</param>
/// <param name="Status">The HTTP status code as text, or ALIVE / DOWN / TIMEOUT.</param>
/// <param name="Date">When the probe started.</param>
/// <param name="InMaintenance">The monitor was in a maintenance window: reports can leave this check out.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.Heartbeat")]
public sealed record Heartbeat(
    [property: Id(0)] long Id,
    [property: Id(1)] string Status,
    [property: Id(2)] int Latency,
    [property: Id(3)] DateTimeOffset Date,
    [property: Id(4)] bool IsDown,
    [property: Id(5)] string Message,
    [property: Id(6)] bool InMaintenance = false);
