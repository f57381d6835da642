using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST</c> and <c>DELETE /api/maintenance/project/:id</c>.</summary>
public sealed record ProjectMaintenanceResponse(
    Guid ProjectId,
    [property: Description("Devices of the project whose window was set or cleared.")] int Devices,
    [property: Description("The window set, or null when cleared.")] MaintenanceWindowResponse? Maintenance) : SuccessResponse;
