namespace OrleansMonitor.Tests.Team;

/// <summary>What POST /api/user/account-context answers: the workspace switched to and the caller's role there.</summary>
public sealed record AccountContext(string OwnerUserId, string? Role = null);
