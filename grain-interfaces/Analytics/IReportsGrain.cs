using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>
/// Reports composed from several grains for one caller. Stateless; use key 0. It sits above the grains it asks (the
/// caller's workspace, the accounts grain for the time zone, the analytics grain) and none of them calls it, so its
/// calls can never form a cycle: the accounts grain calls workspace grains, so a workspace grain must not await it.
/// </summary>
public interface IReportsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Uptime per device and per project of the projects the caller sees, in periods of <paramref name="period"/>
    /// starting in the caller's time zone. With <paramref name="excludeMaintenance"/>, checks made during maintenance
    /// windows are left out.
    /// </summary>
    Task<UptimeReport> UptimeAsync(WorkspaceAccess caller, ReportPeriod period, bool excludeMaintenance);
}
