namespace OrleansMonitor.Grains.Alerting;

/// <summary>The durable part of a workspace's alert rules: one rule per channel (email, SMS).</summary>
[GenerateSerializer, Alias("OrleansMonitor.AlertRulesState")]
public sealed class AlertRulesState
{
    [Id(0)] public Dictionary<ChannelKind, WorkspaceAlertRule> Rules { get; set; } = [];
}
