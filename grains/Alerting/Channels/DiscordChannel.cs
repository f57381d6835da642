using System.Text.Json.Nodes;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Posts an alert to a Discord webhook (the destination) as one embed: title, the cause as description, red for trouble and
/// green for a recovery, fields (monitor, state, target, duration, links) and the event's timestamp. Each text is capped at
/// Discord's limit, and mentions are disabled (<c>allowed_mentions</c> empty) so no alert text can ping @everyone.
/// </summary>
public sealed class DiscordChannel(ChannelHttpClient http) : IAlertChannel
{
    public const int Red = 0xD93025;
    public const int Green = 0x1E8E3E;

    private const int TitleMax = 256;
    private const int DescriptionMax = 4096;
    private const int FieldValueMax = 1024;

    public ChannelKind Kind => ChannelKind.Discord;

    public Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return http.PostAsync(delivery.Destination, JsonPost.Content(Message(delivery.Event)), delivery.IdempotencyKey, cancellationToken);
    }

    /// <summary>The Discord webhook message for <paramref name="alert"/>.</summary>
    public static JsonObject Message(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var fields = new JsonArray();
        AddField(fields, "Monitor", alert.MonitorName, inline: true);
        AddField(fields, "State", AlertWording.State(alert.Kind), inline: true);
        AddField(fields, "Target", alert.Target, inline: false);
        AddField(fields, "Duration", alert.Duration is { } duration ? AlertWording.Duration(duration) : string.Empty, inline: true);
        if (AlertWording.Link(alert.DashboardUrl) is { } dashboard)
        {
            AddField(fields, "Dashboard", dashboard, inline: false);
        }

        if (AlertWording.Link(alert.AcknowledgeUrl) is { } acknowledge)
        {
            AddField(fields, "Acknowledge", acknowledge, inline: false);
        }

        var embed = new JsonObject
        {
            ["title"] = StoredText.Clean(alert.Title, TitleMax),
            ["color"] = AlertWording.IsRecovery(alert.Kind) ? Green : Red,
            ["fields"] = fields,
            ["timestamp"] = AlertWording.Timestamp(alert.OccurredAt),
        };
        if (alert.Cause.Length > 0)
        {
            embed["description"] = StoredText.Clean(alert.Cause, DescriptionMax);
        }

        if (AlertWording.Link(alert.DashboardUrl) is { Length: <= 2048 } url)
        {
            embed["url"] = url;
        }

        return new JsonObject
        {
            ["embeds"] = new JsonArray(embed),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
    }

    private static void AddField(JsonArray fields, string name, string value, bool inline)
    {
        if (value.Length > 0)
        {
            fields.Add(new JsonObject { ["name"] = name, ["value"] = StoredText.Clean(value, FieldValueMax), ["inline"] = inline });
        }
    }
}
