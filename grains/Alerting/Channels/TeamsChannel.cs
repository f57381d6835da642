using System.Text.Json.Nodes;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Posts an alert to a Microsoft Teams incoming webhook or workflow (the destination) as a message carrying one Adaptive
/// Card 1.4: the title (red, or green for a recovery), a fact set (monitor, state, target, duration), the cause, and
/// open-URL actions for the dashboard and the acknowledge page.
/// </summary>
public sealed class TeamsChannel(ChannelHttpClient http) : IAlertChannel
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public ChannelKind Kind => ChannelKind.Teams;

    public Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return http.PostAsync(delivery.Destination, JsonPost.Content(Message(delivery.Event)), delivery.IdempotencyKey, cancellationToken);
    }

    /// <summary>The Teams message for <paramref name="alert"/>.</summary>
    public static JsonObject Message(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var facts = new JsonArray(Fact("Monitor", alert.MonitorName), Fact("State", AlertWording.State(alert.Kind)));
        if (alert.Target.Length > 0)
        {
            facts.Add(Fact("Target", alert.Target));
        }

        if (alert.Duration is { } duration)
        {
            facts.Add(Fact("Duration", AlertWording.Duration(duration)));
        }

        facts.Add(Fact("Occurred", AlertWording.Timestamp(alert.OccurredAt)));
        var body = new JsonArray(
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = alert.Title,
                ["size"] = "Medium",
                ["weight"] = "Bolder",
                ["color"] = AlertWording.IsRecovery(alert.Kind) ? "Good" : "Attention",
                ["wrap"] = true,
            },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        if (alert.Cause.Length > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = alert.Cause, ["wrap"] = true });
        }

        var actions = new JsonArray();
        AddAction(actions, "Open dashboard", alert.DashboardUrl);
        AddAction(actions, "Acknowledge", alert.AcknowledgeUrl);
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardContentType, ["content"] = card }),
        };
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value.Length > 0 ? value : "—" };

    private static void AddAction(JsonArray actions, string title, string? url)
    {
        if (AlertWording.Link(url) is { } link)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = link });
        }
    }
}
