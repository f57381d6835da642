using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/status-pages/:id/updates</c>: the page's updates, newest first.</summary>
public sealed record StatusUpdateListResponse(IReadOnlyList<StatusUpdateView> Updates) : SuccessResponse;
