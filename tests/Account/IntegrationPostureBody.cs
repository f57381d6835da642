namespace OrleansMonitor.Tests.Account;

/// <summary>What GET /api/user/integration-posture answers.</summary>
public sealed record IntegrationPostureBody(TokenPosture Tokens);
