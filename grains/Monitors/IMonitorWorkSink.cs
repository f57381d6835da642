namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// Where work a monitor grain started outside its turn (probe I/O) reports back. Only the engine calls it: these are
/// ordinary grain calls, so a result is recorded in its own turn and never interleaves with edits, deletes or another
/// result.
/// </summary>
public interface IMonitorWorkSink : IGrainWithGuidKey
{
    /// <summary>Records the result of a probe the grain dispatched.</summary>
    Task CompleteProbeAsync(ProbeCompletion completion);

    /// <summary>Rebuilds the figures from what was stored before this activation (<see cref="Storage.StoredFigures.Until"/>).</summary>
    Task RestoreFiguresAsync(Storage.StoredFigures figures);
}
