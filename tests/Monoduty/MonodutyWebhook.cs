using System.Text.Json.Serialization;

namespace OrleansMonitor.Tests.Monoduty;

/// <summary>A webhook as the Monoduty routes write it (snake_case where the document says so).</summary>
public sealed record MonodutyWebhook(
    string Id,
    string Name,
    string Alias,
    string Description,
    string Status,
    [property: JsonPropertyName("webhook_url")] string WebhookUrl,
    [property: JsonPropertyName("notification_types")] IReadOnlyList<string> NotificationTypes,
    [property: JsonPropertyName("target_channels")] MonodutyTargetChannels TargetChannels,
    MonodutyWebhookStatistics Statistics,
    [property: JsonPropertyName("created_at")] string CreatedAt)
{
    /// <summary>The path of the inbound URL (<c>/hooks/{token}</c>), to post to the in-memory host.</summary>
    public string InboundPath => new Uri(WebhookUrl).AbsolutePath;
}
