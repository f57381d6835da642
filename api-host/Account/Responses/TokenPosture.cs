namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>How many of the caller's API tokens are of each kind.</summary>
public sealed record TokenPosture(int Total, int ReadOnly, int ReadWrite, int ExpiringWithin7Days, int NeverUsed, int WithoutExpiry);
