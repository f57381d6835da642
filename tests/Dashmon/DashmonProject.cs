namespace OrleansMonitor.Tests.Dashmon;

/// <summary>A project with the summaries of its devices.</summary>
public sealed record DashmonProject(string Id, string Name, bool IsDefault, IReadOnlyList<DashmonDeviceSummary> Devices, string? Description = null, string? CreatedAt = null);
