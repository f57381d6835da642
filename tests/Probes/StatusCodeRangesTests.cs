using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Tests.Probes;

public sealed class StatusCodeRangesTests
{
    [Fact]
    public void SingleCodeContainsOnlyItself()
    {
        var ranges = ProbeRequests.Codes("204");

        Assert.True(ranges.Contains(204));
        Assert.False(ranges.Contains(200));
        Assert.False(ranges.Contains(205));
    }

    [Fact]
    public void RangeIsInclusiveAtBothEnds()
    {
        var ranges = ProbeRequests.Codes("200-204");

        Assert.True(ranges.Contains(200));
        Assert.True(ranges.Contains(204));
        Assert.False(ranges.Contains(199));
        Assert.False(ranges.Contains(205));
    }

    [Fact]
    public void ClassFormCoversItsHundred()
    {
        var ranges = ProbeRequests.Codes("3xx");

        Assert.True(ranges.Contains(300));
        Assert.True(ranges.Contains(399));
        Assert.False(ranges.Contains(299));
        Assert.False(ranges.Contains(400));
    }

    [Fact]
    public void SeveralEntriesAreUnited()
    {
        var ranges = ProbeRequests.Codes("2xx", "404", "500-502");

        Assert.True(ranges.Contains(250));
        Assert.True(ranges.Contains(404));
        Assert.True(ranges.Contains(501));
        Assert.False(ranges.Contains(403));
        Assert.False(ranges.Contains(503));
    }

    [Fact]
    public void DefaultAcceptsExactlyTwoHundreds()
    {
        Assert.True(StatusCodeRanges.Default.Contains(200));
        Assert.True(StatusCodeRanges.Default.Contains(299));
        Assert.False(StatusCodeRanges.Default.Contains(199));
        Assert.False(StatusCodeRanges.Default.Contains(300));
        Assert.Equal(["200-299"], StatusCodeRanges.Default.ToStrings());
    }

    [Fact]
    public void ToStringsNormalizesAndRoundTrips()
    {
        var ranges = ProbeRequests.Codes(" 2XX ", "200 - 204", "301-301", "404", "404");

        var normalized = ranges.ToStrings();

        Assert.Equal(["2xx", "200-204", "301", "404"], normalized);
        Assert.True(StatusCodeRanges.TryParse(normalized, out var again, out _));
        Assert.Equal(ranges, again);
        Assert.Equal(normalized, again.ToStrings());
    }

    [Theory]
    [InlineData("99", "three-digit")]
    [InlineData("600", "outside 100-599")]
    [InlineData("099", "outside 100-599")]
    [InlineData("6xx", "outside 1xx-5xx")]
    [InlineData("0xx", "outside 1xx-5xx")]
    [InlineData("299-200", "start is greater than end")]
    [InlineData("200-", "Invalid status code range")]
    [InlineData("abc", "three-digit")]
    [InlineData("2x", "three-digit")]
    [InlineData("", "Empty")]
    [InlineData("200-250-299", "Invalid status code range")]
    public void InvalidEntryIsRefusedWithReason(string entry, string reason)
    {
        var parsed = StatusCodeRanges.TryParse(["200", entry], out var ranges, out var error);

        Assert.False(parsed);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Same(StatusCodeRanges.Default, ranges);
    }

    [Fact]
    public void EmptyListIsRefused()
    {
        Assert.False(StatusCodeRanges.TryParse([], out _, out var error));
        Assert.Contains("At least one", error, StringComparison.Ordinal);
    }
}
