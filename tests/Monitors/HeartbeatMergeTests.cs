using OrleansMonitor.Grains.Monitors;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>Stored spans completed with recent heartbeats not written yet: each heartbeat once, in the table's order.</summary>
public sealed class HeartbeatMergeTests
{
    private static readonly DateTimeOffset Mark = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 / 300 * 300);

    private static Heartbeat At(long id, int secondsFromMark) => new(id, "200", 10, Mark.AddSeconds(secondsFromMark), false, "200 - OK");

    [Fact]
    public void DayAddsOnlyTheRecentHeartbeatsNotStoredAndNewerThanTheSpan()
    {
        Heartbeat[] stored = [At(1, -20), At(2, -10)];
        Heartbeat[] recent = [At(4, 10), At(3, 0), At(2, -10), At(1, -20), At(0, -3600)];

        var day = HeartbeatMerge.Since(stored, recent, Mark.AddSeconds(-60));

        Assert.Equal([4L, 3, 2, 1], day.Select(h => h.Id));
    }

    [Fact]
    public void NewestKeepsTheLimitAndAscendingOrder()
    {
        Heartbeat[] stored = [At(1, -20), At(2, -10)];
        Heartbeat[] recent = [At(4, 10), At(3, 0), At(2, -10)];

        Assert.Equal([2L, 3, 4], HeartbeatMerge.Newest(stored, recent, 3).Select(h => h.Id));
        Assert.Equal([1L, 2, 3, 4], HeartbeatMerge.Newest(stored, recent, 60).Select(h => h.Id));
    }

    [Fact]
    public void FiveMinuteMarksTakeARecentHeartbeatOnlyWhereItIsCloser()
    {
        // The table picked M-20 s for M; recent heartbeats at M+5 s (closer: it wins) and M+290 s (a new mark, M+300 s).
        Heartbeat[] stored = [At(2, -20)];
        Heartbeat[] recent = [At(9, 290), At(8, 5), At(2, -20)];

        var marks = HeartbeatMerge.ClosestToEveryFiveMinutes(stored, recent, Mark.AddDays(-7));

        Assert.Equal([9L, 8], marks.Select(h => h.Id));
    }

    [Fact]
    public void FiveMinuteMarksKeepTheStoredPickWhenItIsCloserOrTiedWithAnEarlierId()
    {
        Heartbeat[] stored = [At(2, -5)];
        Heartbeat[] recent = [At(7, 20), At(6, 5)];

        Assert.Equal([2L], HeartbeatMerge.ClosestToEveryFiveMinutes(stored, recent, Mark.AddDays(-7)).Select(h => h.Id));
    }
}
