namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>What register and login answer: the signed-in user and the workspace it starts in.</summary>
public sealed record SessionBody(SessionUser User, string WorkspaceId, string? ExpiresAt = null);
