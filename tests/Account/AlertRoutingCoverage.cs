namespace OrleansMonitor.Tests.Account;

/// <summary>The routing coverage the integration posture answers.</summary>
public sealed record AlertRoutingCoverage(int Projects, int ConfiguredProjects, bool EmailRuleEnabled, bool SmsRuleEnabled);
