namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>
/// Read-side figures computed in PostgreSQL from recorded heartbeats and incidents. Stateless; use key 0. Callers
/// check ownership first (the monitor or workspace grain); every query is also filtered by workspace.
/// </summary>
public interface IAnalyticsGrain : IGrainWithIntegerKey
{
    Task<DeviceAnalytics> DeviceAsync(Guid workspaceId, Guid deviceId, TimeSpan range);

    /// <summary>
    /// Incidents of the workspace: open (null = all, true = open only, false = resolved only), newest first, at most
    /// <paramref name="limit"/>. With <paramref name="projectScope"/>, only incidents of devices in those projects
    /// count (the limit applies after the scope).
    /// </summary>
    Task<IReadOnlyList<IncidentView>> IncidentsAsync(Guid workspaceId, bool? open, int limit, IReadOnlyList<Guid>? projectScope = null);

    /// <summary>Checks and up checks per device and period (day, week or month, in the IANA <paramref name="timeZone"/>) since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<UptimeRow>> UptimeAsync(Guid workspaceId, string period, DateTimeOffset since, string timeZone = "UTC");
}
