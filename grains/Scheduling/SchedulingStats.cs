namespace OrleansMonitor.Grains.Scheduling;

/// <summary>
/// Per-silo counters of the probe scheduler: probes run and how late each started against its plan, as a histogram
/// with 1 ms buckets up to 10 s (the benchmark reads p50/p99 from it). Thread-safe, allocation-free on record.
/// </summary>
public sealed class SchedulingStats
{
    private const int Buckets = 10_001;
    private readonly long[] _lagMs = new long[Buckets];
    private long _probes;
    private long _activationsProbed;

    public long Probes => Interlocked.Read(ref _probes);

    /// <summary>Monitor activations that have made their first probe (each counts once): after a restart, how many monitors probe again.</summary>
    public long ActivationsProbed => Interlocked.Read(ref _activationsProbed);

    public void FirstProbeOfActivation() => Interlocked.Increment(ref _activationsProbed);

    public void Record(TimeSpan lag)
    {
        var ms = (int)Math.Clamp(lag.TotalMilliseconds, 0, Buckets - 1);
        Interlocked.Increment(ref _lagMs[ms]);
        Interlocked.Increment(ref _probes);
    }

    public void Reset()
    {
        Array.Clear(_lagMs);
        Interlocked.Exchange(ref _probes, 0);
    }

    /// <summary>Nearest-rank percentile of the recorded lags, in ms (the last bucket means "10 s or more").</summary>
    public int LagPercentileMs(double percentile)
    {
        var counts = _lagMs.Select(c => Interlocked.Read(ref c)).ToArray();
        var total = counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(percentile / 100 * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return i;
            }
        }

        return Buckets - 1;
    }
}
