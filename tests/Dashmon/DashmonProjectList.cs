namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Body of GET /api/projects.</summary>
public sealed record DashmonProjectList(IReadOnlyList<DashmonProject> Projects);
