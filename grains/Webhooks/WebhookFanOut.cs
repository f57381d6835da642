using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Webhooks;

/// <summary>
/// Turns one call of a webhook (an inbound post or a test) into a recorded call and one outbox delivery per
/// notification type: EMAIL over email to the target address, SMS over SMS, CALL over voice (to the call number, else
/// the SMS number), PUSH_NOTIF into the workspace's in-app feed. Each delivery carries the webhook's id and the key
/// <c>webhook-call:{call id}:{channel}</c>, so the call's outcome can be counted and a retried call never sends twice.
/// </summary>
public sealed class WebhookFanOut(WebhookStore store, DeliveryOutbox outbox, DeliverySender sender, TimeProvider time)
{
    /// <summary>Records the call and its deliveries; answers the call's id and the ids of the deliveries recorded.</summary>
    public async Task<FanOutOutcome> SendAsync(Guid workspaceId, WebhookInfo webhook, AlertEventKind kind, InboundAlert alert)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(alert);
        var now = time.GetUtcNow();
        var severity = StoredText.Clean(alert.Severity?.Trim(), WebhookStore.SeverityMaxLength);
        var title = StoredText.Clean(string.IsNullOrWhiteSpace(alert.Title) ? DefaultTitle(webhook, kind) : alert.Title.Trim(), WebhookStore.TitleMaxLength);
        var message = StoredText.Clean(alert.Message ?? (kind == AlertEventKind.Test ? "A test notification sent to check this webhook's channels." : string.Empty), WebhookStore.MessageMaxLength);
        var callId = await store.RecordCallAsync(workspaceId, webhook.Id, kind, title, message, severity, now);

        var shown = severity.Length > 0 ? StoredText.Clean($"[{severity}] {title}", DeliveryOutbox.EventTextMaxLength) : title;
        var alertEvent = new AlertEvent(kind, workspaceId, null, null, shown, webhook.Name, string.Empty, message, now);
        var deliveries = Deliveries(workspaceId, webhook, callId, alertEvent, now);
        await outbox.EnqueueManyAsync(deliveries);
        sender.Wake();
        var recorded = await outbox.ForKeysAsync(workspaceId, [.. deliveries.Select(d => d.IdempotencyKey)]);
        return new FanOutOutcome(true, callId, [.. recorded.OrderBy(r => r.Id).Select(r => r.Id)]);
    }

    /// <summary>The deliveries of one call, one per notification type the webhook has.</summary>
    public static IReadOnlyList<NewDelivery> Deliveries(Guid workspaceId, WebhookInfo webhook, Guid callId, AlertEvent alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var deliveries = new List<NewDelivery>();
        foreach (var type in webhook.NotificationTypes)
        {
            (ChannelKind Channel, string? Destination) route = type switch
            {
                NotificationType.Email => (ChannelKind.Email, webhook.Targets.Email),
                NotificationType.Sms => (ChannelKind.Sms, webhook.Targets.Sms),
                NotificationType.Call => (ChannelKind.Voice, webhook.Targets.Call ?? webhook.Targets.Sms),
                NotificationType.PushNotif => (ChannelKind.InApp, workspaceId.ToString()),
                _ => (ChannelKind.InApp, null),
            };
            if (string.IsNullOrEmpty(route.Destination))
            {
                continue; // checked at creation; a type without a target has nowhere to go
            }

            deliveries.Add(new NewDelivery(
                workspaceId, route.Channel, route.Destination, null, alert,
                WebhookStore.CallKey(callId, route.Channel), now, webhook.Id));
        }

        return deliveries;
    }

    private static string DefaultTitle(WebhookInfo webhook, AlertEventKind kind) =>
        kind == AlertEventKind.Test ? $"Test notification from {webhook.Name}" : $"Alert from {webhook.Name}";
}
