namespace OrleansMonitor.Grains.Metrics;

/// <summary>
/// Latency percentiles (p50, p95, p99) of ONE monitor over rolling windows, in a few kilobytes.
/// <para>
/// Percentile definition (nearest rank, see <see cref="NearestRank"/>): for N samples sorted ascending, the p-th percentile
/// is the sample at rank ceil(p / 100 * N), the smallest recorded value such that at least p % of the samples are &lt;= it.
/// </para>
/// <para>
/// Windows up to <see cref="ExactSpan"/> (1 h) are EXACT: they are computed from every sample taken in (now - window, now],
/// kept as 8-byte entries (at most <see cref="MaxExactSamples"/>, i.e. every sample at intervals of 5 s or more; beyond that
/// the oldest samples of the hour give way).
/// </para>
/// <para>
/// Longer windows (up to <see cref="HistogramSpan"/>, 24 h) use one sparse log-linear histogram per UTC hour
/// (<see cref="LatencyBuckets"/>) and cover the hours whose start lies in (now - window, now]. The result is exact while the
/// samples are below 64 ms; above, it is the upper bound of the bucket holding the nearest-rank sample, clamped to the
/// largest sample of those hours, so it never under-reports and over-reports by less than 1/32 (3.125 %).
/// </para>
/// Latencies are clamped to 0..600,000 ms. Samples may arrive out of order; samples older than what is kept are ignored.
/// Rebuild after re-activation by calling <see cref="Record"/> for each stored sample. Not thread-safe (one grain owns it).
/// </summary>
public sealed class LatencyWindow
{
    public const int MaxExactSamples = RecentLatencies.MaxCount;
    public static readonly TimeSpan ExactSpan = TimeSpan.FromMilliseconds(RecentLatencies.SpanMs);
    public static readonly TimeSpan HistogramSpan = TimeSpan.FromHours(HourlyLatencyHistograms.Hours);

    private const int ObjectBytes = 32;

    private RecentLatencies? _recent;
    private HourlyLatencyHistograms? _hours;

    /// <summary>Approximate managed bytes held, including the lazily created parts.</summary>
    public long EstimatedBytes => ObjectBytes + (_recent?.EstimatedBytes ?? 0) + (_hours?.EstimatedBytes ?? 0);

    public void Record(DateTimeOffset at, int latencyMs)
    {
        RecordExact(at, latencyMs);
        RecordHourly(at, latencyMs);
    }

    /// <summary>Records a sample in the exact last-hour window only (a rebuild whose hours come from stored histograms).</summary>
    public void RecordExact(DateTimeOffset at, int latencyMs) =>
        (_recent ??= new RecentLatencies()).Add(at.ToUnixTimeMilliseconds(), Math.Clamp(latencyMs, 0, LatencyBuckets.MaxLatencyMs));

    /// <summary>Records a sample in its hour's histogram only.</summary>
    public void RecordHourly(DateTimeOffset at, int latencyMs) =>
        (_hours ??= new HourlyLatencyHistograms()).Add(HourOf(at), Math.Clamp(latencyMs, 0, LatencyBuckets.MaxLatencyMs));

    /// <summary>The UTC hour number (hours since the Unix epoch) <paramref name="at"/> falls in.</summary>
    public static long HourOf(DateTimeOffset at)
    {
        var atMs = at.ToUnixTimeMilliseconds();
        return Math.DivRem(atMs, RecentLatencies.SpanMs, out var rest) - (rest < 0 ? 1 : 0);
    }

    /// <summary>The start of UTC hour number <paramref name="hour"/>.</summary>
    public static DateTimeOffset StartOfHour(long hour) => DateTimeOffset.FromUnixTimeMilliseconds(hour * RecentLatencies.SpanMs);

    /// <summary>The stored form of one hour's histogram, or null when it holds no sample.</summary>
    public byte[]? ExportHour(long hour) => _hours?.ExportHour(hour);

    /// <summary>Adds a stored hour's histogram (see <see cref="ExportHour"/>); false when it does not parse or is too old.</summary>
    public bool ImportHour(long hour, ReadOnlySpan<byte> histogram) => (_hours ??= new HourlyLatencyHistograms()).ImportHour(hour, histogram);

    /// <summary>Nearest-rank p50/p95/p99 of the samples in the window ending at <paramref name="now"/>; Count 0 and zeros when empty.</summary>
    public LatencyPercentileSet Percentiles(DateTimeOffset now, TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            return default;
        }

        var toMs = now.ToUnixTimeMilliseconds();
        var fromMs = toMs - (long)window.TotalMilliseconds;
        return window <= ExactSpan
            ? _recent is null ? default : Exact(fromMs, toMs)
            : _hours is null ? default : FromHistograms(fromMs, toMs);
    }

    private LatencyPercentileSet Exact(long fromMs, long toMs)
    {
        Span<int> latencies = stackalloc int[MaxExactSamples];
        var count = _recent!.Collect(fromMs, toMs, latencies);
        if (count == 0)
        {
            return default;
        }

        var sorted = latencies[..count];
        sorted.Sort();
        return new LatencyPercentileSet(
            count,
            sorted[NearestRank.Rank(50, count) - 1],
            sorted[NearestRank.Rank(95, count) - 1],
            sorted[NearestRank.Rank(99, count) - 1]);
    }

    private LatencyPercentileSet FromHistograms(long fromMs, long toMs)
    {
        Span<int> counts = stackalloc int[LatencyBuckets.Count];
        var (total, max) = _hours!.Accumulate(fromMs, toMs, counts);
        if (total == 0)
        {
            return default;
        }

        return new LatencyPercentileSet(
            total,
            ValueAtRank(counts, NearestRank.Rank(50, total), max),
            ValueAtRank(counts, NearestRank.Rank(95, total), max),
            ValueAtRank(counts, NearestRank.Rank(99, total), max));
    }

    private static int ValueAtRank(ReadOnlySpan<int> counts, int rank, int max)
    {
        var seen = 0;
        for (var index = 0; index < counts.Length; index++)
        {
            seen += counts[index];
            if (seen >= rank)
            {
                return Math.Min(LatencyBuckets.UpperBound(index), max);
            }
        }

        return max;
    }
}
