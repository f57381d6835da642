using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/maintenance/devices/bulk-set</c>: one window on many devices.</summary>
public sealed record BulkMaintenanceRequest
{
    public required IReadOnlyList<Guid> DeviceIds { get; init; }

    [Description("ISO-8601; now when left out.")]
    public DateTimeOffset? Start { get; init; }

    [Description("ISO-8601, after start and at most 90 days later.")]
    public required DateTimeOffset End { get; init; }

    public string? Reason { get; init; }
}
