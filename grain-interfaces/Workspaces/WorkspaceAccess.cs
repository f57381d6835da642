namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>
/// What one user may do in one workspace: the answer to every authorization question of the API host, and the caller
/// every grain command carries, so the grain applies role and project scope itself.
/// </summary>
/// <param name="ProjectScope">The projects the member sees; null for all. Everything outside is invisible (404).</param>
/// <param name="Plan">free or premium.</param>
/// <param name="WriteLocked">The workspace is above its plan's limits: reads work, writes are refused.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.WorkspaceAccess")]
public sealed record WorkspaceAccess(
    [property: Id(0)] Guid WorkspaceId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] WorkspaceRole Role,
    [property: Id(3)] IReadOnlyList<Guid>? ProjectScope,
    [property: Id(4)] string Plan = "premium",
    [property: Id(5)] bool WriteLocked = false)
{
    public bool IsPremium => Plan == "premium";

    /// <summary>True when the member sees only some projects.</summary>
    public bool IsScoped => ProjectScope is not null;

    public bool CanWrite => Role >= WorkspaceRole.Editor;

    public bool CanManage => Role >= WorkspaceRole.Admin;

    public bool Sees(Guid projectId) => ProjectScope is null || ProjectScope.Contains(projectId);

    /// <summary>The workspace's owner, seeing everything: the caller of the engine's own work (project deletion, tests).</summary>
    public static WorkspaceAccess OwnerOf(Guid workspaceId) => new(workspaceId, workspaceId, WorkspaceRole.Owner, null);
}
