using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Where the opening alerts of one project's incident go: its escalation steps (<paramref name="Settings"/>) and the
/// recipients of the workspace's email and SMS rules that cover it (<paramref name="Rules"/>).
/// </summary>
public sealed record AlertRouting(Guid ProjectId, ProjectAlertSettings Settings, IReadOnlyDictionary<ChannelKind, WorkspaceAlertRule> Rules)
{
    /// <summary>False when an opening here would tell nobody: no escalation step and no rule covering the project.</summary>
    public bool TellsAnyone => Settings.Escalation.Count > 0 || Rules.Values.Any(rule => rule.Covers(ProjectId));

    /// <summary>
    /// The deliveries of an opening, or of the flapping alert that stands for the openings of an episode: each
    /// escalation step and each rule recipient.
    /// </summary>
    public IReadOnlyList<NewDelivery> AlertsOf(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var steps = alert.Kind == AlertEventKind.Flapping ? AlertPlanner.ForFlapping(alert, Settings) : AlertPlanner.ForOpening(alert, Settings);
        return [.. steps, .. AlertPlanner.ForRules(alert, Rules, ProjectId, Settings)];
    }
}
