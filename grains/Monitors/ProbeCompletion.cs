namespace OrleansMonitor.Grains.Monitors;

/// <summary>The result of one probe, handed back to its monitor grain as an ordinary (non-interleaved) call.</summary>
/// <param name="ProbeId">Which dispatch this answers; a result for any other (the monitor was edited, deleted or gave the probe up) is ignored.</param>
/// <param name="PlannedStart">The grid point the probe was planned for.</param>
/// <param name="StartedAt">When the probe started, after any wait for a slot (the heartbeat's date).</param>
/// <param name="Skipped">The probe waited too long for a slot and never ran: nothing to record, only the next probe to plan.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ProbeCompletion")]
public sealed record ProbeCompletion(
    [property: Id(0)] long ProbeId,
    [property: Id(1)] DateTimeOffset PlannedStart,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] bool IsUp,
    [property: Id(4)] string Status,
    [property: Id(5)] int LatencyMs,
    [property: Id(6)] string Message,
    [property: Id(7)] CertificateInfo? Certificate,
    [property: Id(8)] bool Skipped = false);
