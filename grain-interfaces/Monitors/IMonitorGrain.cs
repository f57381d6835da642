using OrleansMonitor.GrainInterfaces.Analytics;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>
/// One monitored resource (a Lunalytics monitor, a Dashmon device), keyed by its UUID. It schedules its own probes,
/// keeps its recent figures in memory and opens and resolves incidents. Every command carries its caller and the grain
/// applies the caller's scope itself: a monitor of another workspace, or of a project outside the caller's project
/// scope, answers exactly as if it did not exist. The engine's own work passes <see cref="WorkspaceAccess.OwnerOf"/>.
/// </summary>
public interface IMonitorGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the monitor in a project of the caller's workspace (its default project when <paramref name="projectId"/>
    /// is null) and starts probing. Refuses, in this order: a project outside the caller's scope as an unknown project,
    /// and no project from a scoped caller (the default project may lie outside its scope) as
    /// <see cref="MonitorOutcome.ScopeForbidden"/>; then an invalid configuration with per-field errors; then an unknown
    /// project, an interval below the plan's minimum or a full plan.
    /// </summary>
    Task<MonitorOutcome> CreateAsync(WorkspaceAccess caller, string ownerEmail, MonitorConfig config, Guid? projectId = null);

    /// <summary>
    /// Creates the monitor from the settings a client gave, the engine's defaults filling the rest (a dns monitor
    /// given only a host checks that it resolves; a heartbeat monitor given no settings expects a beat a minute).
    /// Otherwise as <see cref="CreateAsync"/>.
    /// </summary>
    Task<MonitorOutcome> CreateWithDefaultsAsync(WorkspaceAccess caller, string ownerEmail, MonitorConfigPatch settings, Guid? projectId = null);

    /// <summary>Replaces the configuration; the schedule follows the new interval at once.</summary>
    Task<MonitorOutcome> UpdateAsync(WorkspaceAccess caller, MonitorConfig config);

    /// <summary>
    /// Lays <paramref name="patch"/> over the current configuration: what it gives replaces, everything else is kept,
    /// then as <see cref="UpdateAsync"/>. A heartbeat change that regenerates the receiver token is the same one change.
    /// A patch for one kind of monitor only (<see cref="MonitorConfigPatch.OnlyForType"/>) given to a monitor of another
    /// kind answers <see cref="MonitorOutcome.WrongType"/> and changes nothing.
    /// </summary>
    Task<MonitorOutcome> EditAsync(WorkspaceAccess caller, MonitorConfigPatch patch);

    /// <summary>Stops probing, unregisters the schedule and removes the monitor's data. False when not found.</summary>
    Task<bool> DeleteAsync(WorkspaceAccess caller);

    /// <summary>Deletes on behalf of the workspace (project deletion), without waiting for the workspace's turn.</summary>
    Task<bool> DeleteDetachedAsync(Guid workspaceId);

    /// <summary>The full monitor with its tags, or null when the caller does not see it.</summary>
    [AlwaysInterleave]
    Task<MonitorSnapshot?> GetAsync(WorkspaceAccess caller);

    /// <summary>Heartbeats of a span, newest first, or null when the caller does not see the monitor.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Heartbeat>?> GetHeartbeatsAsync(WorkspaceAccess caller, HeartbeatRange range);

    /// <summary>The summary project lists show, or null when the caller does not see the monitor.</summary>
    [AlwaysInterleave]
    Task<Workspaces.DeviceSummary?> GetSummaryAsync(WorkspaceAccess caller);

    /// <summary>The newest <paramref name="limit"/> heartbeats in ascending time (for charts), or null when not found.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Heartbeat>?> GetHistoryAsync(WorkspaceAccess caller, int limit);

    /// <summary>The figures of the last <paramref name="range"/> computed from what was recorded, or null when the caller does not see the monitor.</summary>
    [AlwaysInterleave]
    Task<DeviceAnalytics?> GetAnalyticsAsync(WorkspaceAccess caller, TimeSpan range);

    /// <summary>Queues an immediate probe and returns at once (a probe in flight answers it). False when not found.</summary>
    Task<bool> ProbeNowAsync(WorkspaceAccess caller);

    /// <summary>Records a beat of a heartbeat (push) monitor whose receiver token is <paramref name="token"/>. False when it does not match.</summary>
    Task<bool> RecordBeatAsync(string token);

    /// <summary>Sets (or clears, with null) the maintenance window. False when not found.</summary>
    Task<bool> SetMaintenanceAsync(WorkspaceAccess caller, MaintenanceWindow? window);

    /// <summary>
    /// Asked by a dependent device (a child) before it opens an incident: whether this monitor is down, and its name.
    /// Null when it does not exist in <paramref name="workspaceId"/>. A synchronous read that interleaves with
    /// everything, so a chain of devices asking their parents at the same moment never waits on each other.
    /// </summary>
    [AlwaysInterleave]
    Task<ParentStatus?> ParentStatusAsync(Guid workspaceId);

    /// <summary>Makes sure an existing monitor is active and its timer armed (used by the silo warm-up). Idempotent.</summary>
    [AlwaysInterleave]
    Task EnsureScheduledAsync();
}
