namespace OrleansMonitor.ApiHost.Auth;

/// <summary>What a route asks of its caller.</summary>
public enum CallerRequirement
{
    /// <summary>Any live session or token.</summary>
    Read,
    /// <summary>A session or a read_write token.</summary>
    Write,
    /// <summary>A signed-in session only (token management).</summary>
    Session,
}
