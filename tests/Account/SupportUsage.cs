namespace OrleansMonitor.Tests.Account;

/// <summary>What the workspace uses of its plan.</summary>
public sealed record SupportUsage(int Projects, int? Devices = null);
