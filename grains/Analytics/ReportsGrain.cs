using OrleansMonitor.GrainInterfaces.Analytics;
using OrleansMonitor.GrainInterfaces.Identity;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.Analytics;

/// <summary>
/// Composes reports from the caller's workspace (the projects it sees), the accounts grain (its time zone) and the
/// analytics grain (the figures in SQL). Stateless and called only from outside the cluster, so no grain it awaits
/// ever waits for it, and the workspace grain is not held while the figures are computed.
/// </summary>
[StatelessWorker]
[GrainType("reports")]
public sealed class ReportsGrain(TimeProvider time) : Grain, IReportsGrain
{
    public async Task<UptimeReport> UptimeAsync(WorkspaceAccess caller, ReportPeriod period, bool excludeMaintenance)
    {
        var now = time.GetUtcNow();
        var (unit, since) = period switch
        {
            ReportPeriod.Daily => ("day", now.AddDays(-30)),
            ReportPeriod.Weekly => ("week", now.AddDays(-7 * 12)),
            ReportPeriod.Monthly => ("month", now.AddMonths(-12)),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "A report period is daily, weekly or monthly"),
        };

        var projects = await GrainFactory.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).ListProjectsAsync(caller);
        var timeZone = await GrainFactory.GetGrain<IAccountsGrain>(0).TimeZoneOfAsync(caller.UserId);
        var rows = await GrainFactory.GetGrain<IAnalyticsGrain>(0).UptimeAsync(caller.WorkspaceId, unit, since, timeZone);

        // Only devices of the projects the caller sees count; rows of any other device of the workspace are left out.
        var listed = projects.SelectMany(p => p.Devices.Select(d => (Device: d, ProjectId: p.Id))).ToArray();
        var visible = listed.Select(x => x.Device.Id).ToHashSet();
        var byDevice = rows.Where(r => visible.Contains(r.DeviceId)).ToLookup(r => r.DeviceId);
        var devices = listed
            .OrderBy(x => x.Device.Name, StringComparer.OrdinalIgnoreCase)
            .Select(x => new DeviceUptime(x.Device.Id, x.Device.Name, x.ProjectId, Periods(byDevice[x.Device.Id], excludeMaintenance)))
            .ToArray();
        var byProject = projects
            .Select(p => new ProjectUptime(p.Id, p.Name, Periods(p.Devices.SelectMany(d => byDevice[d.Id]), excludeMaintenance)))
            .ToArray();
        return new UptimeReport(since, timeZone, devices, byProject);
    }

    /// <summary>Per-period sums, oldest first; with <paramref name="excludeMaintenance"/>, checks made during maintenance windows are left out.</summary>
    private static UptimePeriod[] Periods(IEnumerable<UptimeRow> rows, bool excludeMaintenance) =>
        rows.GroupBy(r => r.PeriodStart).OrderBy(g => g.Key).Select(g =>
        {
            var checks = g.Sum(r => r.Checks - (excludeMaintenance ? r.MaintenanceChecks : 0));
            var up = g.Sum(r => r.UpChecks - (excludeMaintenance ? r.MaintenanceUpChecks : 0));
            return new UptimePeriod(g.Key, checks, up, checks == 0 ? 0 : Math.Round(100.0 * up / checks, 4));
        }).ToArray();
}
