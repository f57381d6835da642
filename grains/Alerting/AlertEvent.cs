namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// What one alert says, whatever the channel: each channel renders it in its own format. Every text in it has been
/// cleaned and capped before it got here (it may come from a target or a user).
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="WorkspaceId">The workspace the alert belongs to.</param>
/// <param name="IncidentId">The incident, when the alert is about one (PagerDuty's dedup key and the acknowledge link use it).</param>
/// <param name="MonitorId">The monitor, when the alert is about one.</param>
/// <param name="Title">A one-line summary ("api.example.com is down").</param>
/// <param name="MonitorName">The monitor's name, or empty.</param>
/// <param name="Target">What the monitor checks (URL, host), or empty.</param>
/// <param name="Cause">Why (the failure message), or empty.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="StartedAt">When the incident started, when there is one.</param>
/// <param name="ResolvedAt">When the incident resolved, for a resolution.</param>
/// <param name="DashboardUrl">A link to the monitor or incident, or null.</param>
/// <param name="AcknowledgeUrl">A signed single-purpose acknowledge link, or null.</param>
public sealed record AlertEvent(
    AlertEventKind Kind,
    Guid WorkspaceId,
    long? IncidentId,
    Guid? MonitorId,
    string Title,
    string MonitorName,
    string Target,
    string Cause,
    DateTimeOffset OccurredAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? ResolvedAt = null,
    string? DashboardUrl = null,
    string? AcknowledgeUrl = null)
{
    /// <summary>How long the incident lasted (resolution) or has lasted so far, when it has a start.</summary>
    public TimeSpan? Duration => StartedAt is { } start ? (ResolvedAt ?? OccurredAt) - start : null;
}
