namespace OrleansMonitor.Tests.Dashmon;

/// <summary>A device as a project lists it.</summary>
public sealed record DashmonDeviceSummary(string Id, string ProjectId, string Name, string Type, string Status, double Uptime24h, string? LastCheck = null, int? LatencyMs = null);
