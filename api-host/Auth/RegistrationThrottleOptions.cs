namespace OrleansMonitor.ApiHost.Auth;

/// <summary>Limit on registration attempts per client address (section <c>RegistrationThrottle</c>).</summary>
public sealed class RegistrationThrottleOptions
{
    public int AttemptsPerAddress { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
