using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A project's alert routing as GET and PUT /api/projects/:projectId/alert-settings answer it; secrets are never shown.</summary>
public sealed record AlertSettingsResponse(Guid ProjectId, AlertSettingsView Settings, string? OnCallNow) : SuccessResponse
{
    public static AlertSettingsResponse Of(Guid projectId, ProjectAlertSettings settings, string? onCallNow) =>
        new(projectId, AlertSettingsView.Of(settings), onCallNow);
}
