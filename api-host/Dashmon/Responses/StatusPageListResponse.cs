using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/status-pages</c>: the pages the caller sees, oldest first.</summary>
public sealed record StatusPageListResponse(IReadOnlyList<StatusPageView> StatusPages) : SuccessResponse;
