namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// Per-silo counts of what went wrong on the probe path and was absorbed: every one of them is also logged, and none
/// of them ends a monitor's chain of probes. Thread-safe.
/// </summary>
public sealed class MonitorFaults
{
    private long _recordFailures;
    private long _stateWriteFailures;
    private long _lostProbes;
    private long _rearmedByReminder;
    private long _staleResults;
    private long _dependencyCheckFailures;

    /// <summary>Limits the per-monitor failure warnings of this silo (see <see cref="Diagnostics.LogThrottle"/>).</summary>
    public Diagnostics.LogThrottle Warnings { get; } = new();

    /// <summary>Results whose recording threw (incident or state write, the database away); the next probe was planned anyway.</summary>
    public long RecordFailures => Interlocked.Read(ref _recordFailures);

    /// <summary>Monitor state writes that failed (retried with the next change).</summary>
    public long StateWriteFailures => Interlocked.Read(ref _stateWriteFailures);

    /// <summary>Probes whose result never came back within their deadline; the monitor planned its next probe without it.</summary>
    public long LostProbes => Interlocked.Read(ref _lostProbes);

    /// <summary>Monitors whose timer had stopped and that the reminder tick armed again.</summary>
    public long RearmedByReminder => Interlocked.Read(ref _rearmedByReminder);

    /// <summary>Results that arrived for a probe the monitor no longer waited for (edited, deleted or given up).</summary>
    public long StaleResults => Interlocked.Read(ref _staleResults);

    /// <summary>Parents that could not be asked (a failed or late call) whether they were down; the child's failure was not suppressed.</summary>
    public long DependencyCheckFailures => Interlocked.Read(ref _dependencyCheckFailures);

    public void RecordFailed() => Interlocked.Increment(ref _recordFailures);

    public void StateWriteFailed() => Interlocked.Increment(ref _stateWriteFailures);

    public void ProbeLost() => Interlocked.Increment(ref _lostProbes);

    public void RearmedByReminderTick() => Interlocked.Increment(ref _rearmedByReminder);

    public void StaleResult() => Interlocked.Increment(ref _staleResults);

    public void DependencyCheckFailed() => Interlocked.Increment(ref _dependencyCheckFailures);
}
