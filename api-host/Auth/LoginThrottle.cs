using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or zero when it may try.</summary>
    public TimeSpan RetryAfter(string email, string address)
    {
        var now = time.GetUtcNow();
        var account = Wait(AccountKey(email), _options.FailuresPerAccount, now);
        var client = Wait(AddressKey(address), _options.FailuresPerAddress, now);
        return account > client ? account : client;
    }

    public void RecordFailure(string email, string address)
    {
        var now = time.GetUtcNow();
        Add(AccountKey(email), now);
        Add(AddressKey(address), now);
    }

    public void RecordSuccess(string email) => _failures.TryRemove(AccountKey(email), out _);

    private TimeSpan Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return TimeSpan.Zero;
        }

        lock (queue)
        {
            Trim(queue, now);
            return queue.Count >= limit ? queue.Peek() + _options.Window - now : TimeSpan.Zero;
        }
    }

    private void Add(string key, DateTimeOffset now)
    {
        var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Trim(queue, now);
            queue.Enqueue(now);
        }
    }

    private void Trim(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() <= now - _options.Window)
        {
            queue.Dequeue();
        }
    }

    private static string AccountKey(string email) => "account:" + email.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "address:" + address;
}
