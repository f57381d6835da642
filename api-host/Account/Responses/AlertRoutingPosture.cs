using System.ComponentModel;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>How the workspace's incidents reach people, over the projects the caller sees.</summary>
public sealed record AlertRoutingPosture(
    [property: Description("Projects the caller sees.")] int Projects,
    [property: Description("Of those, projects whose incidents alert someone: an escalation step, or a workspace email or SMS rule covering them.")] int ConfiguredProjects,
    [property: Description("Whether the workspace's email rule is on with recipients.")] bool EmailRuleEnabled,
    [property: Description("Whether the workspace's SMS rule is on with recipients.")] bool SmsRuleEnabled);
