using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Diagnostics;

namespace OrleansMonitor.Tests.Diagnostics;

public sealed class LogThrottleTests
{
    [Fact]
    public void A_burst_is_logged_then_held_back_and_the_next_window_reports_how_many()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var throttle = new LogThrottle(burst: 3, window: TimeSpan.FromSeconds(10), clock: clock);

        var allowed = Enumerable.Range(0, 1000).Count(_ => throttle.Allow(out long _));
        Assert.Equal(3, allowed);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(throttle.Allow(out var heldBack));
        Assert.Equal(997, heldBack);
        Assert.True(throttle.Allow(out heldBack));
        Assert.Equal(0, heldBack);
    }

    [Fact]
    public void Within_a_window_nothing_past_the_burst_is_allowed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var throttle = new LogThrottle(burst: 1, window: TimeSpan.FromSeconds(10), clock: clock);

        Assert.True(throttle.Allow(out _));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(throttle.Allow(out _));
    }
}
