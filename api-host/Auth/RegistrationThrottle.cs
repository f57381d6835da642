using Microsoft.Extensions.Options;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// Sliding-window count of registration attempts per client address: every attempt counts (a refused one too, so
/// probing which emails exist is bounded as well); over the limit, registration answers 429 with Retry-After. Counts
/// live in this API host's memory, like the <see cref="LoginThrottle"/>'s.
/// </summary>
public sealed class RegistrationThrottle(IOptions<RegistrationThrottleOptions> options, TimeProvider time)
{
    private readonly RegistrationThrottleOptions _options = options.Value;
    private readonly SlidingWindowLog _attempts = new(options.Value.Window, time);

    /// <summary>Counts an attempt from <paramref name="address"/>: zero when it may go on, else how long it must wait.</summary>
    public TimeSpan TryAttempt(string address) => _attempts.TryAdd(address, _options.AttemptsPerAddress);
}
