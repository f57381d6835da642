using System.Runtime.CompilerServices;

namespace OrleansMonitor.Grains.Metrics;

/// <summary>
/// Uptime and latency of ONE monitor in 5-minute buckets over the last 24 hours: a ring of <see cref="SlotCount"/> 12-byte
/// buckets (count, up count, latency sum, min, max), allocated on the first sample. Buckets are aligned to 5 minutes of UTC.
/// Samples may arrive out of order; a sample whose bucket is 24 h or more older than the newest bucket is ignored.
/// Rebuild after re-activation by calling <see cref="Record"/> for each stored sample. Not thread-safe (one grain owns it).
/// </summary>
public sealed class RollupSeries
{
    public const int SlotCount = 288;
    public static readonly TimeSpan BucketSize = TimeSpan.FromMinutes(5);

    private const int ObjectBytes = 32;
    private const int ArrayOverheadBytes = 24;

    private RollupBucket[]? _slots;
    private long _newestBucket;

    /// <summary>Approximate managed bytes held: this object plus the bucket array once allocated.</summary>
    public long EstimatedBytes => ObjectBytes + (_slots is null ? 0 : ArrayOverheadBytes + ((long)_slots.Length * Unsafe.SizeOf<RollupBucket>()));

    /// <summary>Counts one check. Latency is clamped to 0 or more.</summary>
    public void Record(DateTimeOffset at, bool isUp, int latencyMs)
    {
        var bucket = BucketOf(at);
        if (Advance(bucket))
        {
            _slots![SlotOf(bucket)].TryAdd(isUp, Math.Max(0, latencyMs));
        }
    }

    /// <summary>Makes the ring reach <paramref name="bucket"/>; false when the bucket is older than the ring holds.</summary>
    private bool Advance(long bucket)
    {
        if (_slots is null)
        {
            _slots = new RollupBucket[SlotCount];
            _newestBucket = bucket;
        }
        else if (bucket > _newestBucket)
        {
            var advance = bucket - _newestBucket;
            if (advance >= SlotCount)
            {
                Array.Clear(_slots);
            }
            else
            {
                for (var b = _newestBucket + 1; b <= bucket; b++)
                {
                    _slots[SlotOf(b)] = default;
                }
            }

            _newestBucket = bucket;
        }
        else if (bucket <= _newestBucket - SlotCount)
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Restores one whole bucket from stored figures (a rebuild after re-activation), added to what the bucket holds.
    /// Figures beyond a bucket's range are clamped. Buckets older than the ring are ignored, as in <see cref="Record"/>.
    /// </summary>
    public void Restore(DateTimeOffset bucketStart, int checks, int upChecks, long latencySum, int minLatencyMs, int maxLatencyMs)
    {
        if (checks <= 0)
        {
            return;
        }

        var bucket = BucketOf(bucketStart);
        if (!Advance(bucket))
        {
            return;
        }

        _slots![SlotOf(bucket)].Merge(checks, upChecks, latencySum, minLatencyMs, maxLatencyMs);
    }

    /// <summary>Totals of the buckets whose start lies in (now - window, now].</summary>
    public UptimeSummary Summary(DateTimeOffset now, TimeSpan window)
    {
        long checks = 0, up = 0, latencySum = 0;
        var (first, last) = Range(now, window);
        for (var number = first; number <= last; number++)
        {
            ref readonly var bucket = ref _slots![SlotOf(number)];
            checks += bucket.Count;
            up += bucket.UpCount;
            latencySum += bucket.LatencySum;
        }

        return checks == 0
            ? new UptimeSummary(0, 0, 0, 0)
            : new UptimeSummary((int)checks, (int)up, up * 100.0 / checks, (double)latencySum / checks);
    }

    /// <summary>The non-empty buckets whose start lies in (now - window, now], oldest first.</summary>
    public IReadOnlyList<RollupPoint> Points(DateTimeOffset now, TimeSpan window)
    {
        var points = new List<RollupPoint>();
        var (first, last) = Range(now, window);
        for (var number = first; number <= last; number++)
        {
            var bucket = _slots![SlotOf(number)];
            if (bucket.Count > 0)
            {
                points.Add(new RollupPoint(
                    new DateTimeOffset(number * BucketSize.Ticks, TimeSpan.Zero),
                    bucket.Count,
                    bucket.UpCount,
                    (double)bucket.LatencySum / bucket.Count,
                    LatencyCode.Decode(bucket.MinCode),
                    LatencyCode.Decode(bucket.MaxCode)));
            }
        }

        return points;
    }

    /// <summary>Bucket numbers to visit: start in (now - window, now] and still in the ring. Empty (first &gt; last) when nothing is held.</summary>
    private (long First, long Last) Range(DateTimeOffset now, TimeSpan window)
    {
        if (_slots is null || window <= TimeSpan.Zero)
        {
            return (1, 0);
        }

        var ticks = BucketSize.Ticks;
        var last = Math.Min(now.UtcTicks / ticks, _newestBucket);
        var windowStartTicks = now.UtcTicks - window.Ticks;
        var first = windowStartTicks < 0 ? 0 : (windowStartTicks / ticks) + 1;
        return (Math.Max(first, _newestBucket - SlotCount + 1), last);
    }

    private static long BucketOf(DateTimeOffset at) => at.UtcTicks / BucketSize.Ticks;

    private static int SlotOf(long bucket) => (int)(bucket % SlotCount);
}
