using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>The settings part of <see cref="AlertSettingsResponse"/>, in the request's shape.</summary>
public sealed record AlertSettingsView(
    string TimeZone,
    QuietHoursView? QuietHours,
    OnCallView? OnCall,
    IReadOnlyList<EscalationStepView> Escalation,
    int? StillDownEveryMinutes,
    FlappingView Flapping)
{
    public static AlertSettingsView Of(ProjectAlertSettings settings) => new(
        settings.TimeZone,
        settings.QuietHours is { } quiet ? QuietHoursView.Of(quiet) : null,
        settings.OnCall is { } onCall ? OnCallView.Of(onCall) : null,
        [.. settings.Escalation.Select(EscalationStepView.Of)],
        settings.StillDownEveryMinutes,
        new FlappingView(settings.Flapping.Changes, settings.Flapping.WindowMinutes, settings.Flapping.StableMinutes));
}
