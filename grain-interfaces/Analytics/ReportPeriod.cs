namespace OrleansMonitor.GrainInterfaces.Analytics;

/// <summary>The periods of an uptime report: days over the last 30 days, weeks over the last 12 weeks, months over the last 12 months.</summary>
[GenerateSerializer, Alias("OrleansMonitor.ReportPeriod")]
public enum ReportPeriod
{
    Daily = 0,
    Weekly = 1,
    Monthly = 2,
}
