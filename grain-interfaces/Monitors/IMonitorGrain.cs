namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>
/// One monitored resource (a Lunalytics monitor, a Dashmon device), keyed by its UUID. It schedules its own probes,
/// keeps its recent figures in memory and opens and resolves incidents. Every call names the caller's workspace:
/// a monitor of another workspace answers as if it did not exist.
/// </summary>
public interface IMonitorGrain : IGrainWithGuidKey
{
    /// <summary>Creates the monitor and starts probing. Refuses an invalid configuration with per-field errors.</summary>
    Task<MonitorOutcome> CreateAsync(Guid workspaceId, string ownerEmail, MonitorConfig config);

    /// <summary>Replaces the configuration; the schedule follows the new interval at once.</summary>
    Task<MonitorOutcome> UpdateAsync(Guid workspaceId, MonitorConfig config);

    /// <summary>Stops probing, unregisters the schedule and removes the monitor's data. False when not found.</summary>
    Task<bool> DeleteAsync(Guid workspaceId);

    /// <summary>The full monitor, or null when it does not exist in that workspace.</summary>
    [AlwaysInterleave]
    Task<MonitorSnapshot?> GetAsync(Guid workspaceId);

    /// <summary>Heartbeats of a span, newest first, or null when the monitor does not exist in that workspace.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Heartbeat>?> GetHeartbeatsAsync(Guid workspaceId, HeartbeatRange range);

    /// <summary>Makes sure an existing monitor is active and its timer armed (used by the silo warm-up). Idempotent.</summary>
    [AlwaysInterleave]
    Task EnsureScheduledAsync();
}
