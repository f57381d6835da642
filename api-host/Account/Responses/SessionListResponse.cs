using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>Answer of <c>GET /api/user/sessions</c>: the caller's sessions.</summary>
public sealed record SessionListResponse(IReadOnlyList<SessionSummary> Sessions) : SuccessResponse;
