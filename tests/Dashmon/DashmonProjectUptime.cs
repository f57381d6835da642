namespace OrleansMonitor.Tests.Dashmon;

/// <summary>One project's periods in the uptime report, summed over its devices.</summary>
public sealed record DashmonProjectUptime(string ProjectId, string Name, IReadOnlyList<DashmonUptimePeriod> Periods);
