using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>Answers the alert sweeper from the workspace grain (settings) and the monitor grain (maintenance), as the workspace's owner.</summary>
public sealed class GrainAlertSettingsSource(IGrainFactory grains) : IAlertSettingsSource
{
    public async Task<ProjectAlertSettings?> SettingsAsync(Guid workspaceId, Guid projectId) =>
        (await grains.GetGrain<IWorkspaceGrain>(workspaceId).GetAlertSettingsAsync(WorkspaceAccess.OwnerOf(workspaceId), projectId)).Settings;

    public async Task<MaintenanceWindow?> MaintenanceAsync(Guid workspaceId, Guid monitorId) =>
        (await grains.GetGrain<IMonitorGrain>(monitorId).GetAsync(WorkspaceAccess.OwnerOf(workspaceId)))?.Maintenance;
}
