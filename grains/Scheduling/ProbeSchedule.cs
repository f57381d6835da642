namespace OrleansMonitor.Grains.Scheduling;

/// <summary>
/// When a monitor probes: on a fixed grid of its interval, shifted by a phase derived from the monitor id, so that
/// many monitors with the same interval spread evenly over it instead of probing in lockstep. Deterministic: the same
/// monitor keeps its phase across restarts and silos.
/// </summary>
public static class ProbeSchedule
{
    /// <summary>The monitor's offset within an interval, in milliseconds: [0, interval).</summary>
    public static long PhaseMs(Guid monitorId, TimeSpan interval)
    {
        Span<byte> bytes = stackalloc byte[16];
        monitorId.TryWriteBytes(bytes);
        // FNV-1a over the id bytes: cheap, stable across processes (unlike string.GetHashCode).
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var intervalMs = (ulong)Math.Max(1, (long)interval.TotalMilliseconds);
        return (long)(hash % intervalMs);
    }

    /// <summary>The first grid point strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextStart(Guid monitorId, TimeSpan interval, DateTimeOffset now)
    {
        var intervalMs = Math.Max(1, (long)interval.TotalMilliseconds);
        var phase = PhaseMs(monitorId, interval);
        var nowMs = now.ToUnixTimeMilliseconds();
        var k = Math.DivRem(nowMs - phase, intervalMs, out var remainder);
        if (remainder < 0)
        {
            k--;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(((k + 1) * intervalMs) + phase);
    }
}
