using OrleansMonitor.GrainInterfaces.Analytics;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Checks summed over one report period.</summary>
public sealed record UptimePeriodEntry(DateTimeOffset Start, long Checks, long UpChecks, double UptimePercentage)
{
    public static IReadOnlyList<UptimePeriodEntry> Of(IReadOnlyList<UptimePeriod> periods) =>
        periods.Select(p => new UptimePeriodEntry(p.Start, p.Checks, p.UpChecks, p.UptimePercentage)).ToArray();
}
