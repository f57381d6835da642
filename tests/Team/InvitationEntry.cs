namespace OrleansMonitor.Tests.Team;

/// <summary>One invitation of the workspace, without its token.</summary>
public sealed record InvitationEntry(string Id, string Email, string Role, string Status, IReadOnlyList<string>? ProjectIds = null, string? CreatedAt = null, string? ExpiresAt = null);
