namespace OrleansMonitor.Tests.Dashmon;

/// <summary>One period (day, week or month from <see cref="Start"/>) of the uptime report.</summary>
public sealed record DashmonUptimePeriod(string Start, long Checks, long UpChecks, double UptimePercentage);
