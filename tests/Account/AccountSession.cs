namespace OrleansMonitor.Tests.Account;

/// <summary>One session of the caller; <see cref="Current"/> is the one asking.</summary>
public sealed record AccountSession(string Id, bool Current, string? CreatedAt = null, string? ExpiresAt = null, string? WorkspaceId = null);
