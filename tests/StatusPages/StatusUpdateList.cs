namespace OrleansMonitor.Tests.StatusPages;

/// <summary>The answer of <c>GET /api/status-pages/:id/updates</c>.</summary>
public sealed record StatusUpdateList(bool Success, IReadOnlyList<DashmonStatusUpdate> Updates);
