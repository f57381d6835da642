using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>
/// Read-side figures computed in PostgreSQL from recorded heartbeats and incidents. Stateless; use key 0. Callers
/// check ownership first (the monitor or workspace grain); every query is also filtered by workspace. It calls no
/// other grain, so any grain may await it without risk of a call cycle.
/// </summary>
public interface IAnalyticsGrain : IGrainWithIntegerKey
{
    Task<DeviceAnalytics> DeviceAsync(Guid workspaceId, Guid deviceId, TimeSpan range);

    /// <summary>
    /// Incidents of the caller's workspace: open (null = all, true = open only, false = resolved only), newest first, at
    /// most <paramref name="limit"/>. A caller limited to some projects gets only incidents of devices in those
    /// projects (the scope is part of the query: the limit applies after it).
    /// </summary>
    Task<IReadOnlyList<IncidentView>> IncidentsAsync(WorkspaceAccess caller, bool? open, int limit);

    /// <summary>Checks and up checks per device and period (day, week or month, in the IANA <paramref name="timeZone"/>) since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<UptimeRow>> UptimeAsync(Guid workspaceId, string period, DateTimeOffset since, string timeZone = "UTC");
}
