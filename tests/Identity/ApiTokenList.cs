namespace OrleansMonitor.Tests.Identity;

/// <summary>What GET /api/user/api-tokens answers: the caller's tokens, without their secrets.</summary>
public sealed record ApiTokenList(IReadOnlyList<ApiTokenEntry> Tokens);
