using System.Text.Json.Serialization;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// The documented JSON body of the generic webhook, one per delivery. Field names are snake_case; dates are ISO-8601 in
/// UTC ("2026-12-02T05:42:09Z"); fields without a value are null. Receivers may rely on these names: add, never rename.
/// </summary>
/// <param name="Event">What happened: opened, resolved, still_down, acknowledged, flapping, test or inbound.</param>
/// <param name="IncidentId">The incident, or null.</param>
/// <param name="MonitorId">The monitor, or null.</param>
/// <param name="Title">A one-line summary.</param>
/// <param name="MonitorName">The monitor's name, or empty.</param>
/// <param name="Target">What the monitor checks, or empty.</param>
/// <param name="Cause">Why, or empty.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="StartedAt">When the incident started, or null.</param>
/// <param name="ResolvedAt">When it resolved, or null.</param>
/// <param name="DurationSeconds">How long the incident lasted or has lasted, in whole seconds, or null.</param>
/// <param name="DashboardUrl">A link to the monitor or incident, or null.</param>
/// <param name="AcknowledgeUrl">A signed acknowledge link, or null.</param>
/// <param name="IdempotencyKey">The same as the <c>Idempotency-Key</c> header: one value per delivery, repeated on a retry.</param>
public sealed record GenericWebhookPayload(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("incident_id")] long? IncidentId,
    [property: JsonPropertyName("monitor_id")] Guid? MonitorId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("monitor_name")] string MonitorName,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("cause")] string Cause,
    [property: JsonPropertyName("occurred_at")] string OccurredAt,
    [property: JsonPropertyName("started_at")] string? StartedAt,
    [property: JsonPropertyName("resolved_at")] string? ResolvedAt,
    [property: JsonPropertyName("duration_seconds")] long? DurationSeconds,
    [property: JsonPropertyName("dashboard_url")] string? DashboardUrl,
    [property: JsonPropertyName("acknowledge_url")] string? AcknowledgeUrl,
    [property: JsonPropertyName("idempotency_key")] string IdempotencyKey)
{
    public static GenericWebhookPayload From(AlertDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var alert = delivery.Event;
        return new GenericWebhookPayload(
            AlertWording.EventName(alert.Kind),
            alert.IncidentId,
            alert.MonitorId,
            alert.Title,
            alert.MonitorName,
            alert.Target,
            alert.Cause,
            AlertWording.Timestamp(alert.OccurredAt),
            alert.StartedAt is { } started ? AlertWording.Timestamp(started) : null,
            alert.ResolvedAt is { } resolved ? AlertWording.Timestamp(resolved) : null,
            alert.Duration is { } duration ? (long)Math.Max(0, duration.TotalSeconds) : null,
            alert.DashboardUrl,
            alert.AcknowledgeUrl,
            delivery.IdempotencyKey);
    }
}
