using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>PUT /api/projects/:projectId/alert-settings</c>: the whole routing, replaced.</summary>
public sealed record AlertSettingsRequest
{
    [Description("IANA zone of the quiet hours and hand-offs; UTC when left out.")]
    public string? TimeZone { get; init; }

    [Description("At most 10 steps; they are kept in the order they are due.")]
    public IReadOnlyList<EscalationStepRequest>? Escalation { get; init; }

    public QuietHoursRequest? QuietHours { get; init; }

    public OnCallRequest? OnCall { get; init; }

    [Description("Remind every N minutes (5–1440) while an incident stays open; null for never.")]
    public int? StillDownEveryMinutes { get; init; }

    public FlappingRequest? Flapping { get; init; }
}
