namespace OrleansMonitor.ApiHost.Auth;

/// <summary>What a route asks of its caller.</summary>
public enum CallerRequirement
{
    /// <summary>Any member, by session or token.</summary>
    Read,
    /// <summary>An editor, admin or owner, by session or read_write token.</summary>
    Write,
    /// <summary>An admin or owner, by session or read_write token.</summary>
    Manage,
    /// <summary>A signed-in session, whatever the role (even outside the active workspace, to switch back).</summary>
    Session,
    /// <summary>A signed-in session of an admin or owner (members, invitations, tokens).</summary>
    SessionManage,
}
