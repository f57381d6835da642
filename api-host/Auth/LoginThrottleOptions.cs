namespace OrleansMonitor.ApiHost.Auth;

/// <summary>Limits on failed logins (section <c>LoginThrottle</c>), counted per account and per client address.</summary>
public sealed class LoginThrottleOptions
{
    public int FailuresPerAccount { get; set; } = 5;
    public int FailuresPerAddress { get; set; } = 30;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
