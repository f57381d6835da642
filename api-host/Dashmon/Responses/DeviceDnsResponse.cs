using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/devices/:id/dns-config</c>.</summary>
public sealed record DeviceDnsResponse(DeviceDns Dns) : SuccessResponse;
