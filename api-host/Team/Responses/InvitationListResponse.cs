using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Team.Responses;

/// <summary>Answer of <c>GET /api/user/team-invitations</c>: the workspace's invitations.</summary>
public sealed record InvitationListResponse(IReadOnlyList<InvitationSummary> Invitations) : SuccessResponse;
