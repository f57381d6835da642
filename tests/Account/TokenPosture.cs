namespace OrleansMonitor.Tests.Account;

/// <summary>The caller's API tokens, counted.</summary>
public sealed record TokenPosture(int Total, int ReadOnly, int ExpiringWithin7Days, int NeverUsed);
