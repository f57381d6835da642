using System.Globalization;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A weekly on-call rotation: members in order, the hand-off weekday and local time, and when it started.</summary>
public sealed record OnCallView(IReadOnlyList<string> Members, string HandoffDay, string HandoffTime, DateTimeOffset StartsAt)
{
    public static OnCallView Of(OnCallSchedule schedule) => new(
        schedule.Members,
        schedule.HandoffDay.ToString().ToLowerInvariant(),
        schedule.HandoffTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        schedule.StartsAt);
}
