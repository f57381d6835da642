namespace OrleansMonitor.Tests.Dashmon;

/// <summary>A device's maintenance window.</summary>
public sealed record DashmonMaintenance(string? Start, string? End, string? Reason = null);
