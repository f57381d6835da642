using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST /api/devices/refresh-all</c> (202): how many devices were queued.</summary>
public sealed record RefreshAllResponse(int Queued) : SuccessResponse;
