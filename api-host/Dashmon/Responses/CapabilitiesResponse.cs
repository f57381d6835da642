using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/meta/capabilities</c>: the API version, auth modes, token policy and device types.</summary>
public sealed record CapabilitiesResponse(
    string ApiVersion,
    RequestTracing Tracing,
    IReadOnlyList<string> AuthModes,
    string SessionCookie,
    TokenPolicy TokenPolicy,
    IReadOnlyList<MonitorType> DeviceTypes,
    IReadOnlyList<string> Dialects) : SuccessResponse;
