using System.ComponentModel;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A device as project lists show it.</summary>
public sealed record DeviceSummaryResponse(
    Guid Id,
    Guid ProjectId,
    string Name,
    MonitorType Type,
    [property: Description("up, down, pending (no probe yet) or maintenance.")] string Status,
    DateTimeOffset? LastCheck,
    int? LatencyMs,
    [property: Description("Uptime over the last 24 hours, in percent (2 decimals).")] double Uptime24h)
{
    public static DeviceSummaryResponse Of(DeviceSummary device) => new(
        device.Id,
        device.ProjectId,
        device.Name,
        device.Type,
        device.Status,
        device.LastCheck,
        device.LatencyMs,
        Math.Round(device.Uptime24h, 2));
}
