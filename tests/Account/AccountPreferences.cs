namespace OrleansMonitor.Tests.Account;

/// <summary>The caller's preferences.</summary>
public sealed record AccountPreferences(string Timezone);
