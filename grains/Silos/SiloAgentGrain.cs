using OrleansMonitor.GrainInterfaces.Silos;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Silos;

/// <summary>A silo's agent (see <see cref="ISiloAgentGrain"/>): reads the engine's per-silo services where they live.</summary>
[SiloBound]
[GrainType("silo-agent")]
public sealed class SiloAgentGrain(HeartbeatWriter writer, ProbeRunner runner, MonitorFaults faults, SiloStartTime started) : Grain, ISiloAgentGrain
{
    public Task<SiloReport> ReportAsync() => Task.FromResult(new SiloReport(
        this.GetPrimaryKeyString(),
        started.At,
        writer.Stats,
        runner.Started,
        faults.RecordFailures,
        faults.LostProbes,
        faults.RearmedByReminder,
        new ProbeSlots(runner.MaxInFlight, runner.InFlight, runner.Waiting, runner.HighWater, runner.Delayed, runner.Skipped),
        DescriptorLimit.OpenCount(),
        DescriptorLimit.Read()?.Soft));
}
