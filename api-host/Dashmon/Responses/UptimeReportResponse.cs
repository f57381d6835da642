using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/reports/uptime</c>: uptime per device and per project, in the caller's time zone.</summary>
public sealed record UptimeReportResponse(
    [property: Description("daily, weekly or monthly.")] string Period,
    DateTimeOffset Since,
    bool ExcludeMaintenance,
    [property: Description("The caller's IANA time zone, in which periods start.")] string Timezone,
    IReadOnlyList<DeviceUptimeEntry> Devices,
    IReadOnlyList<ProjectUptimeEntry> Projects) : SuccessResponse;
