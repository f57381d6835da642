namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Whether a dns device needs every expected answer (<c>all</c>) or one of them (<c>any</c>).</summary>
public enum DnsMatch
{
    Any,
    All,
}
