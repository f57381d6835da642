namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>How the caller authenticated: <c>session</c> (the cookie) or <c>token</c> (an API token).</summary>
public enum CallerAuthMode
{
    Session,
    Token,
}
