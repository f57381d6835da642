namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>What kind of probe a monitor runs.</summary>
[GenerateSerializer, Alias("OrleansMonitor.MonitorType")]
public enum MonitorType
{
    Http = 0,
    Tcp = 1,
}
