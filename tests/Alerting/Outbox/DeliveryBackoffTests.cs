using OrleansMonitor.Grains.Alerting.Outbox;

namespace OrleansMonitor.Tests.Alerting.Outbox;

/// <summary>The retry delay: doubling from the first delay, capped, spread within the jitter's bounds.</summary>
public sealed class DeliveryBackoffTests
{
    private static readonly DeliveryOptions Options = new() { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(15) };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(7, 640)]
    [InlineData(8, 900)]
    [InlineData(60, 900)]
    public void CeilingDoublesPerFailedAttemptUpToTheMaximum(int failedAttempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new DeliveryBackoff(Options).Ceiling(failedAttempt));

    [Fact]
    public void EqualJitterStaysBetweenHalfTheDelayAndAllOfIt()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), new DeliveryBackoff(Options, () => 0).Delay(3));
        Assert.Equal(TimeSpan.FromSeconds(30), new DeliveryBackoff(Options, () => 0.5).Delay(3));
        Assert.True(new DeliveryBackoff(Options, () => 0.999999).Delay(3) < TimeSpan.FromSeconds(40));
        var random = new DeliveryBackoff(Options);
        for (var i = 0; i < 1_000; i++)
        {
            var delay = random.Delay(2);
            Assert.InRange(delay, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public void FullJitterStaysBetweenZeroAndTheDelay()
    {
        var options = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(15), Jitter = DeliveryJitter.Full };
        Assert.Equal(TimeSpan.Zero, new DeliveryBackoff(options, () => 0).Delay(4));
        Assert.Equal(TimeSpan.FromSeconds(40), new DeliveryBackoff(options, () => 0.5).Delay(4));
        Assert.Equal(TimeSpan.Zero, new DeliveryBackoff(options).Floor(4));
        var random = new DeliveryBackoff(options);
        var delays = Enumerable.Range(0, 1_000).Select(_ => random.Delay(9)).ToList();
        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromMinutes(15)));
        Assert.True(delays.Distinct().Count() > 900, "the delays are spread");
    }
}
