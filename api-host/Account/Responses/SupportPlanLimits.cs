namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>What the workspace's plan allows.</summary>
public sealed record SupportPlanLimits(int Projects, int Devices, int Tokens, int MinIntervalSeconds);
