using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The flapping rule of <see cref="AlertSettingsRequest"/>; each part defaults (5 changes, 10 minutes, 10 minutes stable).</summary>
public sealed record FlappingRequest
{
    [Description("A monitor with more state changes than this (2–100) within the window is flapping.")]
    public int? Changes { get; init; }

    public int? WindowMinutes { get; init; }

    [Description("Minutes without a change before the recovery alert.")]
    public int? StableMinutes { get; init; }
}
