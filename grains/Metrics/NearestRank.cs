namespace OrleansMonitor.Grains.Metrics;

/// <summary>
/// The nearest-rank percentile: for N samples sorted ascending, the p-th percentile is the sample at 1-based rank
/// ceil(p / 100 * N), i.e. the smallest recorded value such that at least p % of the samples are less than or equal to it.
/// It is always one of the recorded values (no interpolation). With latencies 1..100: p50 = 50, p95 = 95, p99 = 99.
/// </summary>
public static class NearestRank
{
    /// <summary>The 1-based rank of the <paramref name="percent"/>-th percentile among <paramref name="count"/> samples (1 when count is 0).</summary>
    public static int Rank(int percent, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return (int)Math.Max(1, (((long)percent * count) + 99) / 100);
    }
}
