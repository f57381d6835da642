namespace OrleansMonitor.Tests.Dashmon;

/// <summary>One device's periods in the uptime report.</summary>
public sealed record DashmonDeviceUptime(string DeviceId, string Name, string ProjectId, IReadOnlyList<DashmonUptimePeriod> Periods);
