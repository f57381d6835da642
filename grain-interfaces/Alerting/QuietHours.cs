namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// A daily span of local time (in <see cref="ProjectAlertSettings.TimeZone"/>) when alerts are held back. Start after
/// end spans midnight (22:00–07:00).
/// </summary>
[GenerateSerializer, Alias("OrleansMonitor.QuietHours")]
public sealed record QuietHours(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End,
    [property: Id(2)] QuietHoursMode Mode)
{
    /// <summary>Whether <paramref name="local"/> (a wall-clock time) lies inside the span.</summary>
    public bool Covers(TimeOnly local) => Start <= End
        ? local >= Start && local < End
        : local >= Start || local < End;
}
