using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST /api/maintenance/device/:id</c>: the window now set on the device.</summary>
public sealed record DeviceMaintenanceResponse(Guid DeviceId, MaintenanceWindowResponse Maintenance) : SuccessResponse;
