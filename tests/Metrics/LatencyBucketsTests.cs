using OrleansMonitor.Grains.Metrics;

namespace OrleansMonitor.Tests.Metrics;

public sealed class LatencyBucketsTests
{
    [Fact]
    public void EveryLatencyFallsInABucketWithinOneThirtySecond()
    {
        var previous = -1;
        for (var latency = 0; latency <= LatencyBuckets.MaxLatencyMs; latency++)
        {
            var index = LatencyBuckets.IndexOf(latency);
            Assert.InRange(index, Math.Max(previous, 0), LatencyBuckets.Count - 1);
            Assert.InRange(latency, LatencyBuckets.LowerBound(index), LatencyBuckets.UpperBound(index));
            if (latency < LatencyBuckets.ExactBelowMs)
            {
                Assert.Equal(latency, LatencyBuckets.UpperBound(index));
            }
            else
            {
                Assert.True(LatencyBuckets.UpperBound(index) - latency < latency / 32.0, $"bucket of {latency} ends at {LatencyBuckets.UpperBound(index)}");
            }

            previous = index;
        }

        Assert.Equal(LatencyBuckets.Count - 1, LatencyBuckets.IndexOf(LatencyBuckets.MaxLatencyMs));
        Assert.Equal(LatencyBuckets.Count - 1, LatencyBuckets.IndexOf(LatencyBuckets.MaxLatencyMs + 1_000_000));
        Assert.Equal(0, LatencyBuckets.IndexOf(-5));
    }

    [Theory]
    [InlineData(50, 100, 50)]
    [InlineData(95, 100, 95)]
    [InlineData(99, 100, 99)]
    [InlineData(50, 3, 2)]
    [InlineData(99, 1, 1)]
    [InlineData(99, 4320, 4277)]
    public void NearestRankIsCeilingOfShare(int percent, int count, int rank)
    {
        Assert.Equal(rank, NearestRank.Rank(percent, count));
    }
}
