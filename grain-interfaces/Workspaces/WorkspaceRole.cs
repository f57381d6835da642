namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>A member's role, in increasing rights. Viewers read; editors also change monitors; admins also manage members, invitations and tokens.</summary>
[GenerateSerializer, Alias("OrleansMonitor.WorkspaceRole")]
public enum WorkspaceRole
{
    Viewer = 0,
    Editor = 1,
    Admin = 2,
    Owner = 3,
}
