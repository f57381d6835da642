namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Who is on call at a given instant under a weekly rotation: the weeks are counted between hand-offs (weekday and
/// local time in the project's zone, so a daylight-saving change moves the hand-off with the wall clock), starting with
/// the first member in the week that contains <see cref="OnCallSchedule.StartsAt"/>.
/// </summary>
public static class OnCallRotation
{
    public static string? Current(OnCallSchedule? schedule, string timeZone, DateTimeOffset now)
    {
        if (schedule is null || schedule.Members.Count == 0)
        {
            return null;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var firstHandoff = HandoffAtOrBefore(schedule, TimeZoneInfo.ConvertTime(schedule.StartsAt, zone).DateTime);
        var currentHandoff = HandoffAtOrBefore(schedule, TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var weeks = (int)Math.Floor((currentHandoff.Date - firstHandoff.Date).TotalDays / 7);
        var index = ((weeks % schedule.Members.Count) + schedule.Members.Count) % schedule.Members.Count;
        return schedule.Members[index];
    }

    /// <summary>The latest local hand-off instant at or before <paramref name="local"/>.</summary>
    private static DateTime HandoffAtOrBefore(OnCallSchedule schedule, DateTime local)
    {
        var daysBack = ((int)local.DayOfWeek - (int)schedule.HandoffDay + 7) % 7;
        var candidate = local.Date.AddDays(-daysBack) + schedule.HandoffTime.ToTimeSpan();
        return candidate > local ? candidate.AddDays(-7) : candidate;
    }
}
