namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// A weekly rotation: each member is on call for one week in turn, handing off on <see cref="HandoffDay"/> at
/// <see cref="HandoffTime"/> local time. The first member's week starts at the hand-off at or before <see cref="StartsAt"/>.
/// </summary>
/// <param name="Members">Members' email addresses, in rotation order.</param>
/// <param name="HandoffDay">The weekday of the hand-off.</param>
/// <param name="HandoffTime">The local time of the hand-off.</param>
/// <param name="StartsAt">When the rotation was set up (the first member's week contains it).</param>
[GenerateSerializer, Alias("OrleansMonitor.OnCallSchedule")]
public sealed record OnCallSchedule(
    [property: Id(0)] IReadOnlyList<string> Members,
    [property: Id(1)] DayOfWeek HandoffDay,
    [property: Id(2)] TimeOnly HandoffTime,
    [property: Id(3)] DateTimeOffset StartsAt);
