using OrleansMonitor.Grains.Metrics;

namespace OrleansMonitor.Tests.Metrics;

public sealed class LatencyWindowTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public void HourPercentilesAreExactNearestRank()
    {
        var window = new LatencyWindow();
        var now = T0.AddHours(5);
        var latencies = Enumerable.Range(1, 100).ToArray();
        new Random(7).Shuffle(latencies);
        for (var i = 0; i < latencies.Length; i++)
        {
            window.Record(now.AddSeconds(-30 * i), latencies[i]);
        }

        Assert.Equal(new LatencyPercentileSet(100, 50, 95, 99), window.Percentiles(now, Hour));
    }

    [Fact]
    public void HourPercentilesStayExactAboveHistogramPrecision()
    {
        var window = new LatencyWindow();
        for (var i = 0; i < 100; i++)
        {
            window.Record(T0.AddSeconds(20 * i), 1_000 + i);
        }

        Assert.Equal(new LatencyPercentileSet(100, 1_049, 1_094, 1_098), window.Percentiles(T0.AddMinutes(40), Hour));
    }

    [Fact]
    public void HourWindowExcludesItsStartAndIncludesItsEnd()
    {
        var window = new LatencyWindow();
        var now = T0.AddHours(3);
        window.Record(now - Hour, 500);
        window.Record(now - Hour + TimeSpan.FromMilliseconds(1), 7);
        window.Record(now, 9);

        Assert.Equal(new LatencyPercentileSet(2, 7, 9, 9), window.Percentiles(now, Hour));
        Assert.Equal(new LatencyPercentileSet(1, 9, 9, 9), window.Percentiles(now, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void DayPercentilesAreExactBelowSixtyFourMilliseconds()
    {
        var window = new LatencyWindow();
        for (var i = 0; i < 4_320; i++)
        {
            window.Record(T0.AddSeconds(20 * i), (i % 60) + 1);   // 72 samples of each value 1..60
        }

        // ranks 2160, 4104, 4277 of 4320
        Assert.Equal(new LatencyPercentileSet(4_320, 30, 57, 60), window.Percentiles(T0 + Day - TimeSpan.FromMilliseconds(1), Day));
    }

    [Fact]
    public void DayPercentilesReportBucketUpperBoundClampedToTheMaximum()
    {
        var window = new LatencyWindow();
        for (var i = 0; i < 98; i++)
        {
            window.Record(T0.AddMinutes(14 * i), 1_000);
        }

        window.Record(T0.AddHours(3), 5_000);
        window.Record(T0.AddHours(20), 5_000);

        // 1000 lies in bucket [992, 1007]; 5000 in [4992, 5119], clamped to the largest sample 5000.
        Assert.Equal(new LatencyPercentileSet(100, 1_007, 1_007, 5_000), window.Percentiles(T0.AddHours(23), Day));
    }

    [Fact]
    public void DayPercentilesOfOneRepeatedValueAreThatValue()
    {
        var window = new LatencyWindow();
        for (var i = 0; i < 10; i++)
        {
            window.Record(T0.AddHours(i), 1_000);
        }

        Assert.Equal(new LatencyPercentileSet(10, 1_000, 1_000, 1_000), window.Percentiles(T0.AddHours(12), Day));
    }

    [Fact]
    public void DayPercentilesStayWithinOneThirtySecondAboveExact()
    {
        var window = new LatencyWindow();
        var random = new Random(42);
        var latencies = new List<int>();
        for (var i = 0; i < 4_320; i++)
        {
            var latency = (int)Math.Exp(random.NextDouble() * Math.Log(20_000));
            latencies.Add(latency);
            window.Record(T0.AddSeconds(20 * i), latency);
        }

        latencies.Sort();
        var result = window.Percentiles(T0 + Day - TimeSpan.FromMilliseconds(1), Day);

        Assert.Equal(4_320, result.Count);
        foreach (var (percent, reported) in new[] { (50, result.P50), (95, result.P95), (99, result.P99) })
        {
            var exact = latencies[NearestRank.Rank(percent, latencies.Count) - 1];
            Assert.InRange(reported, exact, exact * (1 + (1 / 32.0)));
        }
    }

    [Fact]
    public void DayWindowLeavesOutHoursBeforeIt()
    {
        var window = new LatencyWindow();
        window.Record(T0.AddHours(1), 10);
        window.Record(T0.AddHours(3).AddMinutes(10), 30);
        window.Record(T0.AddHours(26), 20);
        var now = T0.AddHours(26).AddMinutes(30);

        Assert.Equal(new LatencyPercentileSet(2, 20, 30, 30), window.Percentiles(now, Day));
        Assert.Equal(new LatencyPercentileSet(1, 20, 20, 20), window.Percentiles(now, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void SamplesOlderThanADayBeforeTheNewestAreIgnored()
    {
        var window = new LatencyWindow();
        window.Record(T0.AddHours(30), 20);
        window.Record(T0.AddHours(1), 10);

        Assert.Equal(new LatencyPercentileSet(1, 20, 20, 20), window.Percentiles(T0.AddHours(30), TimeSpan.FromDays(3)));
    }

    [Fact]
    public void OrderOfRecordingDoesNotChangeTheFigures()
    {
        var random = new Random(3);
        var samples = Enumerable.Range(0, 4_320)
            .Select(i => (At: T0.AddSeconds(20 * i), Latency: random.Next(1, 3_000)))
            .ToArray();
        var inOrder = new LatencyWindow();
        foreach (var (at, latency) in samples)
        {
            inOrder.Record(at, latency);
        }

        var shuffled = new LatencyWindow();
        var mixed = samples.ToArray();
        random.Shuffle(mixed);
        foreach (var (at, latency) in mixed)
        {
            shuffled.Record(at, latency);
        }

        var now = T0 + Day;
        Assert.Equal(inOrder.Percentiles(now, Hour), shuffled.Percentiles(now, Hour));
        Assert.Equal(inOrder.Percentiles(now, Day), shuffled.Percentiles(now, Day));
        Assert.Equal(179, inOrder.Percentiles(now, Hour).Count);   // (now - 1 h, now] holds samples 4141..4319
    }

    [Fact]
    public void EmptyWindowReportsNothing()
    {
        var window = new LatencyWindow();

        Assert.Equal(new LatencyPercentileSet(0, 0, 0, 0), window.Percentiles(T0, Day));
        Assert.True(window.EstimatedBytes < 64, $"an empty window holds {window.EstimatedBytes} bytes");
    }

    [Fact]
    public void FullDayOfTypicalProbesFitsTheMemoryBudget()
    {
        var window = new LatencyWindow();
        var rollups = new RollupSeries();
        var random = new Random(1);
        for (var i = 0; i < 4_320; i++)
        {
            // about 120 ms, varying by some 20 % (log-normal)
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var latency = (int)(120 * Math.Exp(0.2 * normal));
            window.Record(T0.AddSeconds(20 * i), latency);
            rollups.Record(T0.AddSeconds(20 * i), true, latency);
        }

        Assert.True(window.EstimatedBytes <= 3 * 1024, $"the latency window holds {window.EstimatedBytes} bytes");
        Assert.True(window.EstimatedBytes + rollups.EstimatedBytes <= 6 * 1024, $"the aggregates hold {window.EstimatedBytes + rollups.EstimatedBytes} bytes");
    }

    [Fact]
    public void FullDayOfWidelySpreadLatenciesStaysUnderTenKilobytes()
    {
        var window = new LatencyWindow();
        var rollups = new RollupSeries();
        var random = new Random(1);
        for (var i = 0; i < 4_320; i++)
        {
            var latency = (int)Math.Exp(random.NextDouble() * Math.Log(20_000));
            window.Record(T0.AddSeconds(20 * i), latency);
            rollups.Record(T0.AddSeconds(20 * i), true, latency);
        }

        Assert.True(window.EstimatedBytes + rollups.EstimatedBytes <= 8 * 1024, $"the aggregates hold {window.EstimatedBytes + rollups.EstimatedBytes} bytes");
    }

    [Fact]
    public void AnExportedHourImportsIntoAnotherWindowWithTheSamePercentiles()
    {
        var hourStart = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var source = new LatencyWindow();
        for (var i = 0; i < 500; i++)
        {
            source.Record(hourStart.AddSeconds(7 * i), 10 + (i * 37 % 4000));
        }

        var hour = LatencyWindow.HourOf(hourStart);
        var copy = new LatencyWindow();
        Assert.True(copy.ImportHour(hour, source.ExportHour(hour)));

        var now = hourStart.AddHours(5);
        Assert.Equal(source.Percentiles(now, TimeSpan.FromHours(24)), copy.Percentiles(now, TimeSpan.FromHours(24)));
        Assert.Null(new LatencyWindow().ExportHour(hour));
    }

    [Fact]
    public void AnImportedHourAddsToSamplesAlreadyHeld()
    {
        var hourStart = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var stored = new LatencyWindow();
        stored.Record(hourStart.AddMinutes(1), 10);
        stored.Record(hourStart.AddMinutes(2), 30);
        var window = new LatencyWindow();
        window.Record(hourStart.AddMinutes(3), 20);

        Assert.True(window.ImportHour(LatencyWindow.HourOf(hourStart), stored.ExportHour(LatencyWindow.HourOf(hourStart))));

        var day = window.Percentiles(hourStart.AddHours(2), TimeSpan.FromHours(24));
        Assert.Equal(3, day.Count);
        Assert.Equal(20, day.P50); // exact below 64 ms
        Assert.Equal(30, day.P99);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xFF, 0xFF })]
    [InlineData(new byte[] { 5, 3, 0x11 })]
    public void AGarbledExportIsRefused(byte[] exported) =>
        Assert.False(new LatencyWindow().ImportHour(100, exported));
}
