namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>
/// One monitored resource (a Lunalytics monitor, a Dashmon device), keyed by its UUID. It schedules its own probes,
/// keeps its recent figures in memory and opens and resolves incidents. Every call names the caller's workspace:
/// a monitor of another workspace answers as if it did not exist.
/// </summary>
public interface IMonitorGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the monitor in a project of the workspace (its default project when <paramref name="projectId"/> is null)
    /// and starts probing. Refuses an invalid configuration with per-field errors, or an unknown project.
    /// </summary>
    Task<MonitorOutcome> CreateAsync(Guid workspaceId, string ownerEmail, MonitorConfig config, Guid? projectId = null);

    /// <summary>
    /// Creates the monitor from the settings a client gave, the engine's defaults filling the rest (a dns monitor
    /// given only a host checks that it resolves; a heartbeat monitor given no settings expects a beat a minute).
    /// Otherwise as <see cref="CreateAsync"/>.
    /// </summary>
    Task<MonitorOutcome> CreateWithDefaultsAsync(Guid workspaceId, string ownerEmail, MonitorConfigPatch settings, Guid? projectId = null);

    /// <summary>Replaces the configuration; the schedule follows the new interval at once.</summary>
    Task<MonitorOutcome> UpdateAsync(Guid workspaceId, MonitorConfig config);

    /// <summary>
    /// Lays <paramref name="patch"/> over the current configuration: what it gives replaces, everything else is kept,
    /// then as <see cref="UpdateAsync"/>. A heartbeat change that regenerates the receiver token is the same one change.
    /// </summary>
    Task<MonitorOutcome> EditAsync(Guid workspaceId, MonitorConfigPatch patch);

    /// <summary>Stops probing, unregisters the schedule and removes the monitor's data. False when not found.</summary>
    Task<bool> DeleteAsync(Guid workspaceId);

    /// <summary>Deletes on behalf of the workspace (project deletion), without calling back into it.</summary>
    Task<bool> DeleteDetachedAsync(Guid workspaceId);

    /// <summary>The full monitor, or null when it does not exist in that workspace.</summary>
    [AlwaysInterleave]
    Task<MonitorSnapshot?> GetAsync(Guid workspaceId);

    /// <summary>Heartbeats of a span, newest first, or null when the monitor does not exist in that workspace.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Heartbeat>?> GetHeartbeatsAsync(Guid workspaceId, HeartbeatRange range);

    /// <summary>The summary project lists show, or null when the monitor does not exist in that workspace.</summary>
    [AlwaysInterleave]
    Task<Workspaces.DeviceSummary?> GetSummaryAsync(Guid workspaceId);

    /// <summary>The newest <paramref name="limit"/> heartbeats in ascending time (for charts), or null when not found.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Heartbeat>?> GetHistoryAsync(Guid workspaceId, int limit);

    /// <summary>Queues an immediate probe and returns at once (a probe in flight answers it). False when not found.</summary>
    Task<bool> ProbeNowAsync(Guid workspaceId);

    /// <summary>Records a beat of a heartbeat (push) monitor whose receiver token is <paramref name="token"/>. False when it does not match.</summary>
    Task<bool> RecordBeatAsync(string token);

    /// <summary>Sets (or clears, with null) the maintenance window. False when not found.</summary>
    Task<bool> SetMaintenanceAsync(Guid workspaceId, MaintenanceWindow? window);

    /// <summary>Makes sure an existing monitor is active and its timer armed (used by the silo warm-up). Idempotent.</summary>
    [AlwaysInterleave]
    Task EnsureScheduledAsync();
}
