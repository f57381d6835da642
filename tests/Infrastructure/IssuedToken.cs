namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>What POST /api/user/api-tokens answers: the raw token, shown this once.</summary>
public sealed record IssuedToken(string Token);
