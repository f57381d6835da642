namespace OrleansMonitor.Grains.Probes;

/// <summary>One kind of check (HTTP, TCP, later DNS, ping, ...). Implementations never throw for target failures: they return a down result.</summary>
public interface IProbe
{
    MonitorType Type { get; }

    Task<ProbeResult> RunAsync(ProbeRequest request, CancellationToken cancellationToken);
}
