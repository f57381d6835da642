namespace OrleansMonitor.Grains.Monitors;

/// <summary>Where a stored monitor is in its life. Only an active monitor probes, answers reads and takes commands.</summary>
public enum MonitorLifecycle
{
    /// <summary>Created and probing.</summary>
    Active = 0,

    /// <summary>A create that has not finished; if it is found like this later, it failed and is undone.</summary>
    Creating = 1,

    /// <summary>A tombstone: the delete was accepted and is completed by whichever of the call, the next activation or the reminder gets there.</summary>
    Deleting = 2,
}
