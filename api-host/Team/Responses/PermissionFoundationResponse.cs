using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Team.Responses;

/// <summary>Answer of <c>GET /api/user/permission-foundation</c>: the caller's role, permissions, project scope and plan.</summary>
public sealed record PermissionFoundationResponse(
    Guid UserId,
    ActiveWorkspace Workspace,
    [property: Description("Null when the caller is not a member of the active workspace.")] WorkspaceRole? Role,
    IReadOnlyList<string> Permissions,
    [property: Description("The projects the member sees; null for all.")] IReadOnlyList<Guid>? ProjectScope,
    [property: Description("Null when the caller is not a member of the active workspace.")] WorkspaceCapabilities? Capabilities) : SuccessResponse;
