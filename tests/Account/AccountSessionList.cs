namespace OrleansMonitor.Tests.Account;

/// <summary>What GET /api/user/sessions answers: the caller's sessions.</summary>
public sealed record AccountSessionList(IReadOnlyList<AccountSession> Sessions);
