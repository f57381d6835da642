using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>Answers the alert sweeper from the workspace grain (settings), the rules grain and the monitor grain (maintenance), as the workspace's owner.</summary>
public sealed class GrainAlertSettingsSource(IGrainFactory grains) : IAlertSettingsSource
{
    public async Task<ProjectAlertSettings?> SettingsAsync(Guid workspaceId, Guid projectId) =>
        (await grains.GetGrain<IWorkspaceGrain>(workspaceId).GetAlertSettingsAsync(WorkspaceAccess.OwnerOf(workspaceId), projectId)).Settings;

    public async Task<MaintenanceWindow?> MaintenanceAsync(Guid workspaceId, Guid monitorId) =>
        (await grains.GetGrain<IMonitorGrain>(monitorId).GetAsync(WorkspaceAccess.OwnerOf(workspaceId)))?.Maintenance;

    public async Task<IReadOnlyDictionary<ChannelKind, WorkspaceAlertRule>> RulesAsync(Guid workspaceId)
    {
        var (rules, owner) = (grains.GetGrain<IAlertRulesGrain>(workspaceId), WorkspaceAccess.OwnerOf(workspaceId));
        var premium = (await grains.GetGrain<IWorkspaceGrain>(workspaceId).PlanStatusAsync()).Plan == Workspaces.PlansOptions.Premium;
        return new Dictionary<ChannelKind, WorkspaceAlertRule>
        {
            [ChannelKind.Email] = await rules.GetAsync(owner, ChannelKind.Email),
            [ChannelKind.Sms] = premium ? await rules.GetAsync(owner, ChannelKind.Sms) : WorkspaceAlertRule.None, // SMS rules are Premium
        };
    }
}
