namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>What saving a workspace alert rule came to: the rule as stored, or why it was refused.</summary>
/// <param name="Rule">The stored rule, or null when refused.</param>
/// <param name="Errors">Field errors (field path to message).</param>
/// <param name="ScopeForbids">The caller sees only some projects, so may not change a workspace-wide rule.</param>
[GenerateSerializer, Alias("OrleansMonitor.AlertRuleOutcome")]
public sealed record AlertRuleOutcome(
    [property: Id(0)] WorkspaceAlertRule? Rule,
    [property: Id(1)] IReadOnlyDictionary<string, string>? Errors = null,
    [property: Id(2)] bool ScopeForbids = false);
