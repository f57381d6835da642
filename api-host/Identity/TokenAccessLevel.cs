namespace OrleansMonitor.ApiHost.Identity;

/// <summary>What an API token may do: <c>read_only</c> or <c>read_write</c>, as requests and answers spell it.</summary>
public enum TokenAccessLevel
{
    ReadOnly,
    ReadWrite,
}
