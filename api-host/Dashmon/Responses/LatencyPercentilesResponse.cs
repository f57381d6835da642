using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/devices/:id/latency/percentiles</c>: exact nearest-rank percentiles over a window.</summary>
public sealed record LatencyPercentilesResponse(
    Guid DeviceId,
    string Window,
    [property: Description("Successful checks in the window.")] long Samples,
    int? P50,
    int? P95,
    int? P99,
    string Method) : SuccessResponse;
