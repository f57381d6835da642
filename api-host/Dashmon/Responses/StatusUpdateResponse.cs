using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST /api/status-pages/:id/updates</c>: the update published.</summary>
public sealed record StatusUpdateResponse(StatusUpdateView Update) : SuccessResponse;
