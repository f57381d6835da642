namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// A workspace's email or SMS alert rule (<c>/api/alerts/email</c>, <c>/api/alerts/sms</c>): while enabled, every
/// incident of the projects it names (all projects when it names none) is sent at once to each recipient, besides the
/// project's own escalation steps, and so is its resolution.
/// </summary>
/// <param name="Enabled">Whether the rule alerts anyone.</param>
/// <param name="Recipients">Email addresses (email rule) or E.164 phone numbers (SMS rule).</param>
/// <param name="ProjectIds">The projects it covers; empty for all.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.WorkspaceAlertRule")]
public sealed record WorkspaceAlertRule(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] IReadOnlyList<string> Recipients,
    [property: Id(2)] IReadOnlyList<Guid> ProjectIds)
{
    /// <summary>Recipients of one rule at most.</summary>
    public const int MaxRecipients = 20;

    /// <summary>What a workspace that saved nothing has: nobody is alerted.</summary>
    public static WorkspaceAlertRule None { get; } = new(false, [], []);

    /// <summary>True when an incident of <paramref name="projectId"/> reaches this rule's recipients.</summary>
    public bool Covers(Guid? projectId) =>
        Enabled && Recipients.Count > 0 && (ProjectIds.Count == 0 || (projectId is { } project && ProjectIds.Contains(project)));
}
