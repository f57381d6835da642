using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>DELETE /api/maintenance/device/:id</c>: the device whose window was cleared.</summary>
public sealed record DeviceMaintenanceClearedResponse(Guid DeviceId) : SuccessResponse;
