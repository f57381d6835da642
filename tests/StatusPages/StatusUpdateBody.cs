namespace OrleansMonitor.Tests.StatusPages;

/// <summary>The answer of <c>POST /api/status-pages/:id/updates</c>.</summary>
public sealed record StatusUpdateBody(bool Success, DashmonStatusUpdate Update);
