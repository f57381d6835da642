using System.ComponentModel.DataAnnotations;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>Limits on failed logins (section <c>LoginThrottle</c>), counted per account and per client address.</summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "LoginThrottle";

    [Range(1, int.MaxValue, ErrorMessage = "LoginThrottle:FailuresPerAccount must be a whole number of at least 1")]
    public int FailuresPerAccount { get; set; } = 5;

    [Range(1, int.MaxValue, ErrorMessage = "LoginThrottle:FailuresPerAddress must be a whole number of at least 1")]
    public int FailuresPerAddress { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ErrorMessage = "LoginThrottle:Window must be a time span from 00:00:01 to 365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
