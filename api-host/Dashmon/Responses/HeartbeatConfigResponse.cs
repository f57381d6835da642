using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET</c> and <c>PUT /api/devices/:id/heartbeat-config</c>.</summary>
public sealed record HeartbeatConfigResponse(HeartbeatConfig Heartbeat) : SuccessResponse;
