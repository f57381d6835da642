using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST /api/maintenance/devices/bulk-set</c> and <c>bulk-clear</c>.</summary>
public sealed record BulkMaintenanceResponse(
    [property: Description("Devices whose window was set or cleared.")] int Updated,
    [property: Description("The other ids asked for, in the order given, once each.")] IReadOnlyList<Guid> NotFound,
    [property: Description("The window set, or null when cleared.")] MaintenanceWindowResponse? Maintenance) : SuccessResponse;
