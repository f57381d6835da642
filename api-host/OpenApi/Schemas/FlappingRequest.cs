using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The flapping rule of <see cref="AlertSettingsRequest"/>; each part defaults (5 changes, 10 minutes, 10 minutes stable).</summary>
public sealed record FlappingRequest
{
    [Description("State changes (2–100) within the window that make a monitor flapping.")]
    public int? Changes { get; init; }

    public int? WindowMinutes { get; init; }

    [Description("Minutes without a change before the recovery alert.")]
    public int? StableMinutes { get; init; }
}
