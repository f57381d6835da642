using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// A workspace's email and SMS alert rules (key: the workspace id). It calls no other grain, so any grain may await it.
/// </summary>
public interface IAlertRulesGrain : IGrainWithGuidKey
{
    /// <summary>The rule of <paramref name="channel"/> (<see cref="ChannelKind.Email"/> or <see cref="ChannelKind.Sms"/>); any member reads it.</summary>
    Task<WorkspaceAlertRule> GetAsync(WorkspaceAccess caller, ChannelKind channel);

    /// <summary>Replaces the rule of <paramref name="channel"/> after checking its recipients; admins and owners who see every project.</summary>
    Task<AlertRuleOutcome> SetAsync(WorkspaceAccess caller, ChannelKind channel, WorkspaceAlertRule rule);
}
