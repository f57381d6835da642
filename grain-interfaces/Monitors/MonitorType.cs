namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>What kind of probe a monitor runs. Values are stored: append only.</summary>
[GenerateSerializer, Alias("OrleansMonitor.MonitorType")]
public enum MonitorType
{
    Http = 0,
    Tcp = 1,
    /// <summary>ICMP echo to a host.</summary>
    Ping = 2,
    /// <summary>A DNS query with expected answers.</summary>
    Dns = 3,
    /// <summary>Push: the monitored system calls in; down when no beat arrives within interval + grace.</summary>
    Heartbeat = 4,
}
