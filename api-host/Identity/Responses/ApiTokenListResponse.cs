using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Identity.Responses;

/// <summary>Answer of <c>GET /api/user/api-tokens</c>: the caller's tokens.</summary>
public sealed record ApiTokenListResponse(IReadOnlyList<ApiTokenSummary> Tokens) : SuccessResponse;
