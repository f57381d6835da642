namespace OrleansMonitor.Tests.Account;

/// <summary>The support summary's plan and its usage.</summary>
public sealed record SupportPlan(string Name, SupportUsage Usage);
