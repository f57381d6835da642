namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>
/// The delay before a delivery's next attempt: exponential from <see cref="DeliveryOptions.FirstRetryDelay"/>, doubling
/// per failed attempt, capped at <see cref="DeliveryOptions.MaxRetryDelay"/>, then spread by the configured jitter.
/// The random source (a number in [0, 1)) is injectable so the bounds can be tested.
/// </summary>
public sealed class DeliveryBackoff(DeliveryOptions options, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <summary>The delay before the exponential one is spread, after <paramref name="failedAttempt"/> (1 for the first) failed.</summary>
    public TimeSpan Ceiling(int failedAttempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var doublings = Math.Min(failedAttempt - 1, 40);
        var ticks = options.FirstRetryDelay.Ticks * Math.Pow(2, doublings);
        return TimeSpan.FromTicks((long)Math.Min(ticks, options.MaxRetryDelay.Ticks));
    }

    /// <summary>The shortest delay <see cref="Delay"/> can answer after <paramref name="failedAttempt"/> failed.</summary>
    public TimeSpan Floor(int failedAttempt) =>
        options.Jitter == DeliveryJitter.Equal ? Ceiling(failedAttempt) / 2 : TimeSpan.Zero;

    /// <summary>The delay before the next attempt, after <paramref name="failedAttempt"/> (1 for the first) failed.</summary>
    public TimeSpan Delay(int failedAttempt)
    {
        var ceiling = Ceiling(failedAttempt);
        var floor = Floor(failedAttempt);
        var share = Math.Clamp(_random(), 0, 1);
        return floor + ((ceiling - floor) * share);
    }
}
