namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What GET /api/tags answers: every tag with the number of devices carrying it.</summary>
public sealed record DashmonTagList(IReadOnlyList<DashmonTagCount> Tags);
