namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// An incident write the monitor owes the incident table: open one (at the time the monitor went down, with its cause)
/// or resolve the open one. Kept in the monitor's state until the table has it, so a write that fails (the database
/// away) is retried with its original time, and applying one twice changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.IncidentChange")]
public sealed record IncidentChange(
    [property: Id(0)] bool Opens,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Text);
