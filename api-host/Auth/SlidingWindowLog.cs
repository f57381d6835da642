using System.Collections.Concurrent;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// The times of recent events per key over a sliding window, in this API host's memory: the mechanism behind the login
/// and registration throttles. A key is at its limit while <c>limit</c> events lie within the last window; it may go on
/// once the oldest of them has left it.
/// </summary>
public sealed class SlidingWindowLog(TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _events = new(StringComparer.Ordinal);

    /// <summary>How long until <paramref name="key"/> is below <paramref name="limit"/> again; zero when it is now.</summary>
    public TimeSpan RetryAfter(string key, int limit)
    {
        if (!_events.TryGetValue(key, out var queue))
        {
            return TimeSpan.Zero;
        }

        lock (queue)
        {
            return Wait(queue, limit, time.GetUtcNow());
        }
    }

    public void Add(string key)
    {
        var queue = _events.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        var now = time.GetUtcNow();
        lock (queue)
        {
            Trim(queue, now);
            queue.Enqueue(now);
        }
    }

    /// <summary>Records an event for <paramref name="key"/> unless it is at <paramref name="limit"/>: zero when recorded, else how long to wait.</summary>
    public TimeSpan TryAdd(string key, int limit)
    {
        var queue = _events.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        var now = time.GetUtcNow();
        lock (queue)
        {
            var wait = Wait(queue, limit, now);
            if (wait == TimeSpan.Zero)
            {
                queue.Enqueue(now);
            }

            return wait;
        }
    }

    public void Clear(string key) => _events.TryRemove(key, out _);

    private TimeSpan Wait(Queue<DateTimeOffset> queue, int limit, DateTimeOffset now)
    {
        Trim(queue, now);
        return queue.Count >= limit ? queue.Peek() + window - now : TimeSpan.Zero;
    }

    private void Trim(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() <= now - window)
        {
            queue.Dequeue();
        }
    }
}
