namespace OrleansMonitor.Grains.Alerting;

/// <summary>What the alert sweeper asks about an incident's project and monitor (the cluster in a silo; fixed answers in tests).</summary>
public interface IAlertSettingsSource
{
    /// <summary>The alert settings of <paramref name="projectId"/> in <paramref name="workspaceId"/>, or null when it has none.</summary>
    Task<ProjectAlertSettings?> SettingsAsync(Guid workspaceId, Guid projectId);

    /// <summary>The maintenance window of <paramref name="monitorId"/> (current or planned), or null when it has none or is gone.</summary>
    Task<MaintenanceWindow?> MaintenanceAsync(Guid workspaceId, Guid monitorId);
}
