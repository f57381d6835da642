using OrleansMonitor.Grains.Scheduling;

namespace OrleansMonitor.Tests.Scheduling;

public sealed class ProbeLimitsOptionsTests
{
    [Theory]
    [InlineData(5_000L, 2_952)]        // at least 2,048 kept back
    [InlineData(4_096L, 2_048)]        // at least 2,048 kept back
    [InlineData(20_000L, 4_096)]       // capped
    [InlineData(1_048_576L, 4_096)]    // capped
    [InlineData(1_024L, 16)]           // floored
    public void TheDefaultBoundLeavesRoomForEverythingElse(long limit, int expected) =>
        Assert.Equal(expected, ProbeLimitsOptions.Derive(limit));

    [Fact]
    public void AnUnknownLimitGivesAModestBound() => Assert.Equal(1_000, ProbeLimitsOptions.Derive(null));

    [Fact]
    public void AConfiguredBoundWins() => Assert.Equal(12, new ProbeLimitsOptions { MaxInFlight = 12 }.EffectiveMaxInFlight());

    [Fact]
    public void TheDescriptorLimitIsReadAndTheSoftLimitCanBeRaisedToTheHardOne()
    {
        var before = DescriptorLimit.Read();
        Assert.NotNull(before);
        Assert.True(before.Value.Soft <= before.Value.Hard);

        var after = DescriptorLimit.RaiseSoftToHard();

        Assert.Equal(before.Value.Hard, after);
        Assert.True(DescriptorLimit.OpenCount() is > 3, "at least stdin, stdout and stderr are open");
    }
}
