using System.ComponentModel;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>The caller's active workspace and their role and project scope in it.</summary>
public sealed record CallerWorkspace(
    Guid Id,
    [property: Description("A workspace's id is its owner's user id.")] Guid OwnerUserId,
    WorkspaceRole Role,
    [property: Description("The projects the member sees; null for all.")] IReadOnlyList<Guid>? ProjectScope);
