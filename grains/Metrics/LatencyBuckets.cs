using System.Numerics;

namespace OrleansMonitor.Grains.Metrics;

/// <summary>
/// Log-linear latency buckets: one bucket per millisecond below 64 ms, then 32 buckets per power of two up to
/// <see cref="MaxLatencyMs"/> (10 minutes). A bucket's upper bound exceeds any value in it by less than 1/32 (3.125 %).
/// </summary>
public static class LatencyBuckets
{
    public const int MaxLatencyMs = 600_000;
    public const int ExactBelowMs = 64;
    /// <summary>Number of buckets: the last one holds <see cref="MaxLatencyMs"/> (octave 2^19, sub-bucket 4).</summary>
    public const int Count = ExactBelowMs + ((19 - 6) * SubBuckets) + 4 + 1;

    private const int SubBucketBits = 5;
    private const int SubBuckets = 1 << SubBucketBits;

    /// <summary>The bucket of a latency, clamped to 0..<see cref="MaxLatencyMs"/>.</summary>
    public static int IndexOf(int latencyMs)
    {
        var value = Math.Clamp(latencyMs, 0, MaxLatencyMs);
        if (value < ExactBelowMs)
        {
            return value;
        }

        var octave = BitOperations.Log2((uint)value);
        var subBucket = (value >> (octave - SubBucketBits)) - SubBuckets;
        return ExactBelowMs + ((octave - 6) * SubBuckets) + subBucket;
    }

    /// <summary>The smallest latency in bucket <paramref name="index"/>.</summary>
    public static int LowerBound(int index)
    {
        if (index < ExactBelowMs)
        {
            return index;
        }

        var octave = 6 + ((index - ExactBelowMs) / SubBuckets);
        var subBucket = (index - ExactBelowMs) % SubBuckets;
        return (SubBuckets + subBucket) << (octave - SubBucketBits);
    }

    /// <summary>The largest latency in bucket <paramref name="index"/>.</summary>
    public static int UpperBound(int index)
    {
        if (index < ExactBelowMs)
        {
            return index;
        }

        var octave = 6 + ((index - ExactBelowMs) / SubBuckets);
        return LowerBound(index) + (1 << (octave - SubBucketBits)) - 1;
    }
}
