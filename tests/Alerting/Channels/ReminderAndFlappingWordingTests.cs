using System.Text.Json.Nodes;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;

namespace OrleansMonitor.Tests.Alerting.Channels;

/// <summary>
/// Every channel renders a still-down reminder and a flapping alert as trouble (red, its title, its state) and the end
/// of a flapping episode as good news (green); PagerDuty keeps an episode apart from the incident that began it.
/// </summary>
public sealed class ReminderAndFlappingWordingTests
{
    private static AlertEvent StillDown() => Alerts.Opened() with { Kind = AlertEventKind.StillDown, Title = "API is still down" };

    private static AlertEvent Flapping(long episode) => Alerts.Opened(episode) with { Kind = AlertEventKind.Flapping, Title = "API is flapping", Cause = "6 state changes within 10 min (more than 5)" };

    private static AlertEvent Stable(long episode) => Alerts.Opened(episode) with
    {
        Kind = AlertEventKind.Stable,
        Title = "API stopped flapping and is up",
        Cause = "No state change for 10 min",
        ResolvedAt = Alerts.Occurred,
    };

    [Fact]
    public void TheSharedWordsNameEachKind()
    {
        Assert.Equal(("still_down", "Still down", false), (AlertWording.EventName(AlertEventKind.StillDown), AlertWording.State(AlertEventKind.StillDown), AlertWording.IsRecovery(AlertEventKind.StillDown)));
        Assert.Equal(("flapping", "Flapping", false), (AlertWording.EventName(AlertEventKind.Flapping), AlertWording.State(AlertEventKind.Flapping), AlertWording.IsRecovery(AlertEventKind.Flapping)));
        Assert.Equal(("stable", "Stable", true), (AlertWording.EventName(AlertEventKind.Stable), AlertWording.State(AlertEventKind.Stable), AlertWording.IsRecovery(AlertEventKind.Stable)));
        Assert.Equal(7, (int)AlertEventKind.Stable); // stored in the outbox: appended, never renumbered
    }

    [Fact]
    public void ChatChannelsShowRemindersAndFlappingInRedAndTheEndOfAnEpisodeInGreen()
    {
        var episode = Alerts.NextIncident();
        foreach (var (alert, state, good) in new[] { (StillDown(), "Still down", false), (Flapping(episode), "Flapping", false), (Stable(episode), "Stable", true) })
        {
            var slack = SlackChannel.Message(alert);
            Assert.Equal(alert.Title, (string?)slack["blocks"]![0]!["text"]!["text"]);
            Assert.Contains($"*State*\n{state}", slack["blocks"]![1]!["fields"]!.AsArray().Select(f => (string?)f!["text"]));

            var discord = DiscordChannel.Message(alert)["embeds"]![0]!;
            Assert.Equal(good ? DiscordChannel.Green : DiscordChannel.Red, (int)discord["color"]!);
            Assert.Equal(alert.Title, (string?)discord["title"]);

            var teams = TeamsChannel.Message(alert).ToJsonString();
            Assert.Contains(good ? "\"Good\"" : "\"Attention\"", teams, StringComparison.Ordinal);
            Assert.Contains(state, teams, StringComparison.Ordinal);

            var email = AlertEmail.From(alert);
            Assert.Equal(alert.Title, email.Subject);
            Assert.Contains(good ? "#1e8e3e" : "#d93025", email.Html, StringComparison.Ordinal);
            Assert.StartsWith($"{alert.Title}: {alert.Cause}", SmsChannel.Text(alert), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PagerDutyTriggersAFlappingEpisodeUnderItsOwnKeyAndTheStableAlertResolvesIt()
    {
        var episode = Alerts.NextIncident();
        var flapping = PagerDutyChannel.Event(Alerts.Delivery(ChannelKind.PagerDuty, string.Empty, Flapping(episode), "key"));
        var stable = PagerDutyChannel.Event(Alerts.Delivery(ChannelKind.PagerDuty, string.Empty, Stable(episode), "key"));
        var reminder = PagerDutyChannel.Event(Alerts.Delivery(ChannelKind.PagerDuty, string.Empty, StillDown() with { IncidentId = episode }, "key"));

        Assert.Equal(("trigger", "orleansmonitor-flapping-" + episode), ((string?)flapping["event_action"], (string?)flapping["dedup_key"]));
        Assert.Equal("API is flapping", (string?)flapping["payload"]!["summary"]);
        Assert.Equal("flapping", (string?)flapping["payload"]!["custom_details"]!["event"]);
        Assert.Equal(("resolve", "orleansmonitor-flapping-" + episode), ((string?)stable["event_action"], (string?)stable["dedup_key"]));
        Assert.Null(stable["payload"]);

        // A reminder re-triggers the incident's own alert, which the episode's never resolves.
        Assert.Equal(("trigger", "orleansmonitor-" + episode), ((string?)reminder["event_action"], (string?)reminder["dedup_key"]));
        Assert.IsType<JsonObject>(reminder["payload"]);
    }
}
