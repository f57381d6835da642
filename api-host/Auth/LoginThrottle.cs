using Microsoft.Extensions.Options;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// Sliding-window counts of failed logins per account (email) and per client address. While either is over its limit,
/// logins answer 429 with Retry-After, before any password is checked. A successful login clears the account's count.
/// Counts live in this API host's memory: with several hosts each one enforces its own share.
/// </summary>
public sealed class LoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider time)
{
    private readonly LoginThrottleOptions _options = options.Value;
    private readonly SlidingWindowLog _failures = new(options.Value.Window, time);

    /// <summary>How long the caller must wait, or zero when it may try.</summary>
    public TimeSpan RetryAfter(string email, string address)
    {
        var account = _failures.RetryAfter(AccountKey(email), _options.FailuresPerAccount);
        var client = _failures.RetryAfter(AddressKey(address), _options.FailuresPerAddress);
        return account > client ? account : client;
    }

    public void RecordFailure(string email, string address)
    {
        _failures.Add(AccountKey(email));
        _failures.Add(AddressKey(address));
    }

    public void RecordSuccess(string email) => _failures.Clear(AccountKey(email));

    private static string AccountKey(string email) => "account:" + email.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "address:" + address;
}
