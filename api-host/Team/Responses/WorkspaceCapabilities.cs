namespace OrleansMonitor.ApiHost.Team.Responses;

/// <summary>What the active workspace's plan allows.</summary>
public sealed record WorkspaceCapabilities(string Plan, bool WriteLocked, bool BearerTokens, bool PremiumFeatures);
