namespace OrleansMonitor.Tests.Account;

/// <summary>What GET /api/user/api-token (the old single-token route) answers.</summary>
public sealed record LegacyTokenBody(LegacyToken LegacyToken);
