namespace OrleansMonitor.Tests.StatusPages;

/// <summary>The answer of <c>GET /api/status-pages</c>.</summary>
public sealed record StatusPageList(bool Success, IReadOnlyList<DashmonStatusPage> StatusPages);
