using System.ComponentModel;
using System.Text.Json.Serialization;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>One webhook as the Monoduty routes show it.</summary>
public sealed record WebhookView(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("status"), Description("ACTIVE or DISABLED.")] string Status,
    [property: JsonPropertyName("webhook_url"), Description("The inbound URL: POST an alert to it, no authentication (the token in it is the credential).")] string WebhookUrl,
    [property: JsonPropertyName("notification_types"), Description("EMAIL, SMS, PUSH_NOTIF, CALL.")] IReadOnlyList<string> NotificationTypes,
    [property: JsonPropertyName("target_channels")] TargetChannelsView TargetChannels,
    [property: JsonPropertyName("statistics")] WebhookStatisticsView Statistics,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    public static WebhookView Of(WebhookInfo webhook, string webhookUrl) => new(
        webhook.Id,
        webhook.Name,
        webhook.Alias,
        webhook.Description,
        webhook.Active ? MonodutyNames.Active : MonodutyNames.Disabled,
        webhookUrl,
        [.. webhook.NotificationTypes.Select(MonodutyNames.Of)],
        TargetChannelsView.Of(webhook.Targets),
        WebhookStatisticsView.Of(webhook.Statistics),
        webhook.CreatedAt);
}
