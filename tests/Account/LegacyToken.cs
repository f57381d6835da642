namespace OrleansMonitor.Tests.Account;

/// <summary>Whether a legacy token exists.</summary>
public sealed record LegacyToken(bool Exists);
