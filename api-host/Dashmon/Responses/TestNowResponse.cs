using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST /api/devices/:id/test-now</c> (202): the probe is queued.</summary>
public sealed record TestNowResponse(bool Queued, Guid DeviceId) : SuccessResponse;
