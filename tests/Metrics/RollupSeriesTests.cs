using OrleansMonitor.Grains.Metrics;

namespace OrleansMonitor.Tests.Metrics;

public sealed class RollupSeriesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UptimeIsUpChecksOverAllChecks()
    {
        var series = new RollupSeries();
        for (var i = 0; i < 20; i++)
        {
            // every fourth check down: i = 0, 4, 8, 12, 16; latencies 10, 20, ... 200
            series.Record(T0.AddSeconds(20 * i), isUp: i % 4 != 0, latencyMs: 10 * (i + 1));
        }

        var summary = series.Summary(T0.AddMinutes(10), TimeSpan.FromHours(1));

        Assert.Equal(new UptimeSummary(20, 15, 75.0, 105.0), summary);
    }

    [Fact]
    public void EmptySeriesSummarizesToZeros()
    {
        Assert.Equal(new UptimeSummary(0, 0, 0, 0), new RollupSeries().Summary(T0, TimeSpan.FromHours(24)));
    }

    [Fact]
    public void WindowCountsBucketsWhoseStartLiesInsideIt()
    {
        var series = new RollupSeries();
        series.Record(T0.AddMinutes(34), true, 1);   // bucket starts at +30 = now - window: outside
        series.Record(T0.AddMinutes(35), true, 2);   // bucket +35: inside
        series.Record(T0.AddMinutes(59), false, 3);  // bucket +55: inside
        series.Record(T0.AddMinutes(60), true, 4);   // bucket +60 = now: inside

        var summary = series.Summary(T0.AddMinutes(60), TimeSpan.FromMinutes(30));

        Assert.Equal(new UptimeSummary(3, 2, 200.0 / 3, 3.0), summary);
    }

    [Fact]
    public void BucketsOlderThanTheRingAreForgotten()
    {
        var series = new RollupSeries();
        series.Record(T0, true, 100);                   // bucket 0
        series.Record(T0.AddMinutes(5), true, 100);     // bucket 1
        series.Record(T0.AddHours(24), false, 100);     // bucket 288 reuses the slot of bucket 0

        Assert.Equal(2, series.Summary(T0.AddHours(24), TimeSpan.FromDays(2)).Checks);

        series.Record(T0.AddMinutes(2), true, 100);     // bucket 0 again: older than the ring, ignored
        Assert.Equal(2, series.Summary(T0.AddHours(24), TimeSpan.FromDays(2)).Checks);

        series.Record(T0.AddMinutes(6), true, 100);     // bucket 1: still held, counted
        Assert.Equal(new UptimeSummary(3, 2, 200.0 / 3, 100), series.Summary(T0.AddHours(24), TimeSpan.FromDays(2)));
    }

    [Fact]
    public void LongSilenceClearsEveryBucket()
    {
        var series = new RollupSeries();
        for (var i = 0; i < 288; i++)
        {
            series.Record(T0.AddMinutes(5 * i), false, 50);
        }

        series.Record(T0.AddDays(3), true, 70);

        Assert.Equal(new UptimeSummary(1, 1, 100, 70), series.Summary(T0.AddDays(3), TimeSpan.FromDays(30)));
    }

    [Fact]
    public void LateSamplesInsideTheRingAreCounted()
    {
        var series = new RollupSeries();
        series.Record(T0.AddMinutes(12), true, 30);
        series.Record(T0.AddMinutes(11), true, 10);
        series.Record(T0.AddMinutes(1), false, 40_010);
        series.Record(T0.AddMinutes(13), true, 20);

        var points = series.Points(T0.AddMinutes(15), TimeSpan.FromHours(1));

        Assert.Equal(
            [
                new RollupPoint(T0, 1, 0, 40_010, 40_000, 40_000),
                new RollupPoint(T0.AddMinutes(10), 3, 3, 20, 10, 30),
            ],
            points);
    }

    [Fact]
    public void NewSeriesHoldsNoBucketsAndAFullDayFitsItsBudget()
    {
        var series = new RollupSeries();
        Assert.Equal(32, series.EstimatedBytes);

        for (var i = 0; i < 4_320; i++)
        {
            series.Record(T0.AddSeconds(20 * i), i % 10 != 0, 100 + (i % 50));
        }

        Assert.Equal(32 + 24 + (288 * 12), series.EstimatedBytes);
        Assert.Equal(4_320 - 15, series.Summary(T0.AddDays(1), TimeSpan.FromDays(1)).Checks);
    }
}
