using OrleansMonitor.Grains.Monitors;

namespace OrleansMonitor.Tests.Monitors;

public sealed class OutageDetectorTests
{
    [Fact]
    public void FirstFailureAsksForARetryNotAnOutage()
    {
        var detector = new OutageDetector(failuresBeforeDown: 2, isDown: false);

        Assert.Equal(ProbeVerdict.Retry, detector.Observe(false));
        Assert.False(detector.IsDown);
    }

    [Fact]
    public void RetryThatFailsDeclaresDownOnceThenStaysDown()
    {
        var detector = new OutageDetector(2, false);

        detector.Observe(false);
        Assert.Equal(ProbeVerdict.WentDown, detector.Observe(false));
        Assert.True(detector.IsDown);
        Assert.Equal(ProbeVerdict.Steady, detector.Observe(false));
    }

    [Fact]
    public void SuccessfulRetryClearsTheFailureCount()
    {
        var detector = new OutageDetector(2, false);

        detector.Observe(false);
        Assert.Equal(ProbeVerdict.Steady, detector.Observe(true));
        Assert.Equal(ProbeVerdict.Retry, detector.Observe(false));
    }

    [Fact]
    public void FirstSuccessWhileDownRecovers()
    {
        var detector = new OutageDetector(2, isDown: true);

        Assert.Equal(ProbeVerdict.WentUp, detector.Observe(true));
        Assert.False(detector.IsDown);
        Assert.Equal(ProbeVerdict.Steady, detector.Observe(true));
    }
}
