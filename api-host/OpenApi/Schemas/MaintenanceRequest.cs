using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>A maintenance window: probes keep running, failures inside it open no incident.</summary>
public sealed record MaintenanceRequest
{
    [Description("ISO-8601; now when left out.")]
    public DateTimeOffset? Start { get; init; }

    [Description("ISO-8601, after start and at most 90 days later.")]
    public required DateTimeOffset End { get; init; }

    public string? Reason { get; init; }
}
