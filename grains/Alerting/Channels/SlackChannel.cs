using System.Text.Json.Nodes;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Posts an alert to a Slack incoming webhook (the destination) as a Block Kit message: a header with the title, a section
/// of fields (monitor, state, target, duration), the cause, and link buttons to the dashboard and the acknowledge page,
/// with a plain <c>text</c> fallback for notifications. Text in mrkdwn has Slack's control characters (&amp;, &lt;, &gt;)
/// escaped, so a monitor name cannot make a link or a mention; each text is capped at Slack's limit for its block.
/// </summary>
public sealed class SlackChannel(ChannelHttpClient http) : IAlertChannel
{
    private const int HeaderMax = 150;
    private const int FieldMax = 2000;
    private const int SectionMax = 3000;

    public ChannelKind Kind => ChannelKind.Slack;

    public Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return http.PostAsync(delivery.Destination, JsonPost.Content(Message(delivery.Event)), delivery.IdempotencyKey, cancellationToken);
    }

    /// <summary>The Block Kit message for <paramref name="alert"/>.</summary>
    public static JsonObject Message(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var state = AlertWording.State(alert.Kind);
        var fields = new JsonArray(Field("Monitor", alert.MonitorName), Field("State", state));
        if (alert.Target.Length > 0)
        {
            fields.Add(Field("Target", alert.Target));
        }

        if (alert.Duration is { } duration)
        {
            fields.Add(Field("Duration", AlertWording.Duration(duration)));
        }

        var blocks = new JsonArray(
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = StoredText.Clean(alert.Title, HeaderMax) },
            },
            new JsonObject { ["type"] = "section", ["fields"] = fields });
        if (alert.Cause.Length > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = Mrkdwn(StoredText.Clean("*Cause*\n" + Escape(alert.Cause), SectionMax)),
            });
        }

        var buttons = new JsonArray();
        AddButton(buttons, "Open dashboard", alert.DashboardUrl);
        AddButton(buttons, "Acknowledge", alert.AcknowledgeUrl);
        if (buttons.Count > 0)
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
        }

        var fallback = alert.Cause.Length > 0 ? $"{alert.Title}: {alert.Cause}" : alert.Title;
        return new JsonObject { ["text"] = StoredText.Clean(Escape(fallback), SectionMax), ["blocks"] = blocks };
    }

    /// <summary>Slack's mrkdwn escaping: &amp;, &lt; and &gt; as entities, the only characters it asks to escape.</summary>
    public static string Escape(string text) =>
        (text ?? string.Empty).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject Field(string label, string value) =>
        Mrkdwn(StoredText.Clean($"*{label}*\n{(value.Length > 0 ? Escape(value) : "—")}", FieldMax));

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static void AddButton(JsonArray buttons, string label, string? url)
    {
        if (AlertWording.Link(url) is { Length: <= SectionMax } link)
        {
            buttons.Add(new JsonObject
            {
                ["type"] = "button",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
                ["url"] = link,
            });
        }
    }
}
