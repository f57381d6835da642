namespace OrleansMonitor.Tests.Account;

/// <summary>What GET /api/user/preferences answers.</summary>
public sealed record AccountPreferencesBody(AccountPreferences Preferences);
