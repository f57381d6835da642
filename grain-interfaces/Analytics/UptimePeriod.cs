namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>Checks summed over one report period (of one device or of a project's devices).</summary>
/// <param name="UptimePercentage">Up checks over checks, 0 when there were none, rounded to 4 decimals.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.UptimePeriod")]
public sealed record UptimePeriod(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] long Checks,
    [property: Id(2)] long UpChecks,
    [property: Id(3)] double UptimePercentage);
