namespace OrleansMonitor.Grains.Monitors;

/// <summary>What one probe result means for the monitor's state.</summary>
public enum ProbeVerdict
{
    /// <summary>No change of state; probe again at the next interval.</summary>
    Steady,
    /// <summary>Failed while up, not yet down: probe again after the retry interval.</summary>
    Retry,
    /// <summary>Declared down: open an incident.</summary>
    WentDown,
    /// <summary>Recovered: resolve the open incident.</summary>
    WentUp,
}
