namespace OrleansMonitor.GrainInterfaces.Silos;

/// <summary>What one silo says about its own engine: the heartbeat buffer and the failures its probe path absorbed.</summary>
/// <param name="Silo">The silo's address as Orleans prints it (its agent's key).</param>
/// <param name="StartedAt">When this silo process started.</param>
/// <param name="Writer">The silo's heartbeat writer.</param>
/// <param name="ProbesStarted">Probes started since the silo started.</param>
/// <param name="RecordFailures">Probe results whose recording threw (the next probe was planned anyway).</param>
/// <param name="LostProbes">Probes given up because no result came back in time.</param>
/// <param name="RearmedByReminder">Monitors whose stopped timer a reminder tick armed again.</param>
/// <param name="Probes">The silo's probe slots: the bound, how many run and wait now, how many had to wait or were skipped.</param>
/// <param name="OpenDescriptors">Descriptors the silo process has open, and its limit (null when unknown).</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.SiloReport")]
public sealed record SiloReport(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] HeartbeatWriterStats Writer,
    [property: Id(3)] long ProbesStarted,
    [property: Id(4)] long RecordFailures,
    [property: Id(5)] long LostProbes,
    [property: Id(6)] long RearmedByReminder,
    [property: Id(7)] ProbeSlots Probes,
    [property: Id(8)] int? OpenDescriptors,
    [property: Id(9)] long? DescriptorLimit);
