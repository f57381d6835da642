using System.ComponentModel.DataAnnotations;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>Limit on registration attempts per client address (section <c>RegistrationThrottle</c>).</summary>
public sealed class RegistrationThrottleOptions
{
    public const string Section = "RegistrationThrottle";

    [Range(1, int.MaxValue, ErrorMessage = "RegistrationThrottle:AttemptsPerAddress must be a whole number of at least 1")]
    public int AttemptsPerAddress { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ErrorMessage = "RegistrationThrottle:Window must be a time span from 00:00:01 to 365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
