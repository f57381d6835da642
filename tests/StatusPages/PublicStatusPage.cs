namespace OrleansMonitor.Tests.StatusPages;

/// <summary>The answer of <c>GET /api/public/status-pages/:slug</c>.</summary>
public sealed record PublicStatusPage(bool Success, string Title, string? Description, string OverallState, IReadOnlyList<PublicProject> Projects, IReadOnlyList<PublicUpdate> Updates);
