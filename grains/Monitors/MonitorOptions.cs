namespace OrleansMonitor.Grains.Monitors;

/// <summary>Engine settings for monitor grains (section <c>Monitoring</c>).</summary>
public sealed class MonitorOptions
{
    /// <summary>
    /// Period of the reminder that re-activates a monitor after a restart or silo loss. The grain timer does the probing;
    /// the reminder is only the safety net, so a long period keeps reminder ticks cheap at scale.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many of the newest heartbeats each monitor keeps in memory for GET /api/monitor/id.</summary>
    public int RecentHeartbeats { get; set; } = 24;

    /// <summary>Failed probes, each retried after the retry interval, before a monitor is declared down.</summary>
    public int FailuresBeforeDown { get; set; } = 2;

    /// <summary>
    /// Real seconds per configured second of interval and retry interval. 1 in production; tests and the benchmark
    /// compress time with it (0.05 turns a 20 s interval into 1 s) without bending the validation rules.
    /// </summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>
    /// Reads of stored figures (history) a silo runs at once for re-activated monitors. Monitors probe while theirs
    /// wait, so a few keep a silo start light on the database without delaying any probe.
    /// </summary>
    public int FigureLoads { get; set; } = 4;

    /// <summary>
    /// How long a failing device waits for each answer (the workspace's index, then its parent) when it asks whether its
    /// parent is down; past it the failure is not suppressed. Not scaled by <see cref="TimeScale"/>.
    /// </summary>
    public TimeSpan DependencyCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a stopping silo waits for the probes in flight before its monitors deactivate.</summary>
    public TimeSpan ProbeDrainTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
