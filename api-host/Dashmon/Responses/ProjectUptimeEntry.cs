namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>One project of an uptime report with its devices' periods summed, oldest first.</summary>
public sealed record ProjectUptimeEntry(Guid ProjectId, string Name, IReadOnlyList<UptimePeriodEntry> Periods);
