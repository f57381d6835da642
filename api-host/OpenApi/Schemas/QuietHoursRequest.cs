using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Quiet hours of <see cref="AlertSettingsRequest"/>: local times, start after end spans midnight.</summary>
public sealed record QuietHoursRequest
{
    [Description("HH:mm")]
    public required string Start { get; init; }

    [Description("HH:mm")]
    public required string End { get; init; }

    [Description("high_priority_only (default) or silent.")]
    public string? Mode { get; init; }
}
