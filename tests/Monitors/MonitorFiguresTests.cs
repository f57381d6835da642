using OrleansMonitor.Grains.Metrics;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>Rebuilding a monitor's figures from stored roll-ups, hourly histograms and a short raw tail.</summary>
public sealed class MonitorFiguresTests
{
    private static readonly DateTimeOffset Until = new(2026, 1, 2, 10, 20, 0, TimeSpan.Zero);

    private static byte[] Histogram(DateTimeOffset hourStart, int samples, int latencyMs)
    {
        var window = new LatencyWindow();
        for (var i = 0; i < samples; i++)
        {
            window.Record(hourStart.AddSeconds(i), latencyMs);
        }

        return window.ExportHour(LatencyWindow.HourOf(hourStart))!;
    }

    private static StoredFigures Stored()
    {
        // The raw tail: every 20 s from 09:20:10 to 10:19:50, all up at 50 ms except the one at 10:00:10.
        var raw = Enumerable.Range(0, 180)
            .Select(i => Until.AddMinutes(-60).AddSeconds(10 + (20 * i)))
            .Select(at => new StoredCheck(at, 50, at == Until.AddMinutes(-20).AddSeconds(10)))
            .ToArray();
        var newest = raw[^24..].Select(c => new Heartbeat(c.At.ToUnixTimeMilliseconds(), "200", c.LatencyMs, c.At, c.IsDown, "200 - OK")).ToArray();
        var hours = new Dictionary<long, byte[]>
        {
            [LatencyWindow.HourOf(Until.AddHours(-22))] = Histogram(Until.AddHours(-22).AddMinutes(-20), 15, 100), // 12:00 yesterday
            [LatencyWindow.HourOf(Until.AddHours(-1))] = Histogram(Until.AddHours(-1).AddMinutes(-20), 20, 200),   // 09:00, partly in the raw tail
            [LatencyWindow.HourOf(Until)] = Histogram(Until.AddMinutes(-20), 5, 999),                              // the current hour: raw rows win
        };
        return new StoredFigures(
            Until,
            Until.AddMinutes(-60),
            [
                new StoredRollup(Until.AddHours(-22), 15, 15, 1500, 90, 110),
                new StoredRollup(Until.AddHours(-2), 15, 10, 3000, 100, 300),
            ],
            hours,
            raw,
            newest);
    }

    [Fact]
    public void UptimeComesFromTheRollupsAndTheRawTail()
    {
        var figures = new MonitorFigures(24);

        figures.Restore(Stored());

        var day = figures.Summary(Until, TimeSpan.FromHours(24));
        Assert.Equal(15 + 15 + 180, day.Checks);
        Assert.Equal(15 + 10 + 179, day.UpChecks);
        Assert.Equal((1500 + 3000 + (180 * 50)) / 210.0, day.AverageLatencyMs, 6);
    }

    [Fact]
    public void DayPercentilesComeFromStoredHoursExceptTheCurrentHourWhichComesFromRawRows()
    {
        var figures = new MonitorFigures(24);

        figures.Restore(Stored());

        var day = figures.Percentiles(Until, TimeSpan.FromHours(24));
        // 15 (yesterday 12:00) + 20 (09:00, stored, its raw rows not counted again) + 59 up raw rows of 10:00-10:20.
        Assert.Equal(15 + 20 + 59, day.Count);
        Assert.Equal(50, day.P50);
        Assert.Equal(200, day.P99);
        var hour = figures.Percentiles(Until, TimeSpan.FromHours(1));
        Assert.Equal(179, hour.Count); // every up raw row of the last hour, exactly
        Assert.Equal(50, hour.P99);
    }

    [Fact]
    public void RecentListAndIdsContinueFromTheNewestStoredHeartbeats()
    {
        var stored = Stored();
        var figures = new MonitorFigures(24);

        figures.Restore(stored);

        Assert.Equal(24, figures.NewestFirst().Count);
        Assert.Equal(stored.Newest[^1].Date, figures.LastCheck);
        Assert.True(figures.NextHeartbeatId(stored.Newest[^1].Date) > stored.Newest[^1].Id);
        Assert.Equal(LatencyWindow.HourOf(Until), figures.CurrentHour);
    }

    [Fact]
    public void AnUnreadableStoredHourIsLeftOutAndReported()
    {
        var stored = Stored();
        var broken = new Dictionary<long, byte[]>(stored.LatencyHours) { [LatencyWindow.HourOf(Until.AddHours(-5))] = [0xFF, 0xFF] };
        var figures = new MonitorFigures(24);

        var unreadable = figures.Restore(stored with { LatencyHours = broken });

        Assert.Equal([LatencyWindow.HourOf(Until.AddHours(-5))], unreadable);
        Assert.Equal(15 + 20 + 59, figures.Percentiles(Until, TimeSpan.FromHours(24)).Count);
    }

    [Fact]
    public void ObservingTheFirstCheckOfANewHourHandsOverTheCompletedHour()
    {
        var figures = new MonitorFigures(24);
        var nine = new DateTimeOffset(2026, 1, 2, 9, 59, 50, TimeSpan.Zero);

        Assert.Null(figures.Observe(new Heartbeat(1, "200", 40, nine, false, "200 - OK")));
        Assert.Null(figures.Observe(new Heartbeat(2, "500", 40, nine.AddSeconds(20), true, "500"))); // a failure carries no latency
        Assert.Equal(LatencyWindow.HourOf(nine), figures.Observe(new Heartbeat(3, "200", 40, nine.AddSeconds(40), false, "200 - OK")));
        Assert.NotNull(figures.ExportHour(LatencyWindow.HourOf(nine)));
    }
}
