namespace OrleansMonitor.Tests.Probes;

/// <summary>A clock stopped at one instant, for certificate dates.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
