using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Sends an alert as a PagerDuty Events API v2 event, the delivery's secret being the integration's routing key. One
/// <c>dedup_key</c> per incident ("orleansmonitor-{incident id}"; the idempotency key when there is no incident) ties the
/// trigger, the acknowledgement and the resolution to one PagerDuty alert: opened, still down, flapping, test and inbound
/// trigger it, acknowledged acknowledges it, resolved resolves it. A flapping episode is a PagerDuty alert of its own
/// ("orleansmonitor-flapping-{episode id}"): the flapping alert triggers it, the stable alert resolves it. PagerDuty
/// answers 202 when it takes an event.
/// </summary>
public sealed class PagerDutyChannel(ChannelHttpClient http, IOptions<PagerDutyOptions> options) : IAlertChannel
{
    public const string DedupPrefix = "orleansmonitor-";

    /// <summary>The prefix of a flapping episode's key (followed by the episode's id).</summary>
    public const string FlappingDedupPrefix = DedupPrefix + "flapping-";

    private const int SummaryMax = 1024;
    private const int SourceMax = 255;

    public ChannelKind Kind => ChannelKind.PagerDuty;

    public Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (string.IsNullOrWhiteSpace(delivery.Secret))
        {
            return Task.FromResult(ChannelResult.Failed(null, "No PagerDuty routing key", false, 0));
        }

        var url = options.Value.EventsUrl;
        return http.PostAsync(url, JsonPost.Content(Event(delivery)), delivery.IdempotencyKey, cancellationToken);
    }

    /// <summary>"trigger", "acknowledge" or "resolve".</summary>
    public static string EventAction(AlertEventKind kind) => kind switch
    {
        AlertEventKind.Acknowledged => "acknowledge",
        AlertEventKind.Resolved or AlertEventKind.Stable => "resolve",
        _ => "trigger",
    };

    /// <summary>The key that ties every event of one incident (or of one flapping episode) to one PagerDuty alert.</summary>
    public static string DedupKey(AlertDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.Event.IncidentId switch
        {
            { } episode when delivery.Event.Kind is AlertEventKind.Flapping or AlertEventKind.Stable => FlappingDedupPrefix + episode.ToString("D"),
            { } incident => DedupPrefix + incident.ToString("D"),
            null => delivery.IdempotencyKey,
        };
    }

    /// <summary>The Events API v2 body for <paramref name="delivery"/>.</summary>
    public static JsonObject Event(AlertDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var alert = delivery.Event;
        var action = EventAction(alert.Kind);
        var body = new JsonObject
        {
            ["routing_key"] = delivery.Secret,
            ["event_action"] = action,
            ["dedup_key"] = DedupKey(delivery),
        };
        if (action != "trigger")
        {
            return body;
        }

        var details = new JsonObject
        {
            ["event"] = AlertWording.EventName(alert.Kind),
            ["monitor_name"] = alert.MonitorName,
            ["target"] = alert.Target,
            ["cause"] = alert.Cause,
        };
        if (alert.MonitorId is { } monitor)
        {
            details["monitor_id"] = monitor.ToString("D");
        }

        if (alert.StartedAt is { } started)
        {
            details["started_at"] = AlertWording.Timestamp(started);
        }

        var source = alert.Target.Length > 0 ? alert.Target : alert.MonitorName.Length > 0 ? alert.MonitorName : "OrleansMonitor";
        body["payload"] = new JsonObject
        {
            ["summary"] = StoredText.Clean(alert.Title, SummaryMax),
            ["source"] = StoredText.Clean(source, SourceMax),
            ["severity"] = alert.Kind == AlertEventKind.Test ? "info" : "critical",
            ["timestamp"] = AlertWording.Timestamp(alert.OccurredAt),
            ["custom_details"] = details,
        };
        body["client"] = "OrleansMonitor";
        if (AlertWording.Link(alert.DashboardUrl) is { } dashboard)
        {
            body["client_url"] = dashboard;
            body["links"] = new JsonArray(new JsonObject { ["href"] = dashboard, ["text"] = "Open dashboard" });
        }

        return body;
    }
}
