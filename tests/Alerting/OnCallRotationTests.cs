using OrleansMonitor.Grains.Alerting;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>Who is on call follows the weekly hand-offs in the project's zone, and quiet hours span midnight.</summary>
public sealed class OnCallRotationTests
{
    private static readonly OnCallSchedule Rotation = new(["ann@example.test", "bob@example.test", "cyd@example.test"], DayOfWeek.Monday, new TimeOnly(9, 0), new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2026-11-04T12:00:00Z", "ann@example.test")] // the week the rotation was set up (a Wednesday)
    [InlineData("2026-11-09T08:59:00Z", "ann@example.test")] // a minute before the next hand-off (UTC zone)
    [InlineData("2026-11-09T09:00:00Z", "bob@example.test")]
    [InlineData("2026-11-16T09:00:00Z", "cyd@example.test")]
    [InlineData("2026-11-23T09:00:00Z", "ann@example.test")] // round again
    public void TheMemberOnCallChangesAtEachHandOff(string at, string expected) =>
        Assert.Equal(expected, OnCallRotation.Current(Rotation, "UTC", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void HandOffsFollowTheProjectsWallClockAcrossDaylightSaving()
    {
        // Berlin: 09:00 local on Monday 2026-03-30 is 07:00 UTC (summer time since 2026-03-29).
        var rotation = Rotation with { StartsAt = new DateTimeOffset(2026, 3, 25, 12, 0, 0, TimeSpan.Zero) };
        Assert.Equal("ann@example.test", OnCallRotation.Current(rotation, "Europe/Berlin", new DateTimeOffset(2026, 3, 30, 6, 59, 0, TimeSpan.Zero)));
        Assert.Equal("bob@example.test", OnCallRotation.Current(rotation, "Europe/Berlin", new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NoRotationMeansNobody() => Assert.Null(OnCallRotation.Current(null, "UTC", DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("22:00", "07:00", "23:30", true)]
    [InlineData("22:00", "07:00", "06:59", true)]
    [InlineData("22:00", "07:00", "07:00", false)]
    [InlineData("22:00", "07:00", "12:00", false)]
    [InlineData("12:00", "14:00", "13:00", true)]
    [InlineData("12:00", "14:00", "14:00", false)]
    public void QuietHoursCoverTheirSpanIncludingOneAcrossMidnight(string start, string end, string local, bool covered) =>
        Assert.Equal(covered, new QuietHours(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), QuietHoursMode.Silent)
            .Covers(TimeOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
}
