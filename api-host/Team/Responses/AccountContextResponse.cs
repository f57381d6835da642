using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Team.Responses;

/// <summary>Answer of <c>POST /api/user/account-context</c>: the session's new active workspace and the caller's role there.</summary>
public sealed record AccountContextResponse(Guid OwnerUserId, WorkspaceRole? Role) : SuccessResponse;
