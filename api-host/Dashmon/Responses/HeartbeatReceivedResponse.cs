using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST /api/incoming/heartbeat/:token</c>: the beat is recorded.</summary>
public sealed record HeartbeatReceivedResponse(DateTimeOffset ReceivedAt) : SuccessResponse;
