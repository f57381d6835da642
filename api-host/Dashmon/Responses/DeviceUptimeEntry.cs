namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>One device of an uptime report with its periods, oldest first.</summary>
public sealed record DeviceUptimeEntry(Guid DeviceId, string Name, Guid ProjectId, IReadOnlyList<UptimePeriodEntry> Periods);
