namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>What the caller's credential allows: <c>read_only</c> or <c>read_write</c> (tokens), <c>full</c> (sessions).</summary>
public enum CallerAccessLevel
{
    ReadOnly,
    ReadWrite,
    Full,
}
