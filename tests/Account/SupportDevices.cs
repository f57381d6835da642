namespace OrleansMonitor.Tests.Account;

/// <summary>The support summary's device counts.</summary>
public sealed record SupportDevices(int Total, int Pending);
