using System.Text.Json.Nodes;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting.Channels;

/// <summary>Slack, Teams and Discord messages as their receivers get them, parsed and checked field by field.</summary>
public sealed class ChatChannelTests : IAsyncLifetime
{
    private readonly ChannelHttpClient _http = Alerts.Http();
    private LocalHttpTarget _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LocalHttpTarget.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task SlackGetsBlockKitWithATextFallbackAndEscapedMrkdwn()
    {
        var alert = Alerts.Opened(monitorName: "<!channel> & co");
        var delivery = Alerts.Delivery(ChannelKind.Slack, _receiver.UrlOf("/services/T0/B0/x"), alert);

        var result = await new SlackChannel(_http).SendAsync(delivery, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_receiver.Received);
        Assert.Equal(delivery.IdempotencyKey, request.Headers["Idempotency-Key"]);
        var message = JsonNode.Parse(request.Body)!;
        Assert.Equal("api.example.com is down: HTTP 503 Service Unavailable", (string?)message["text"]);
        var blocks = message["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "section", "actions"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("plain_text", (string?)blocks[0]!["text"]!["type"]);
        Assert.Equal("api.example.com is down", (string?)blocks[0]!["text"]!["text"]);
        var fields = blocks[1]!["fields"]!.AsArray().Select(f => (string?)f!["text"]).ToList();
        Assert.Equal(
            ["*Monitor*\n&lt;!channel&gt; &amp; co", "*State*\nDown", "*Target*\nhttps://api.example.com/health", "*Duration*\n3 min 20 s"],
            fields);
        Assert.Equal("*Cause*\nHTTP 503 Service Unavailable", (string?)blocks[2]!["text"]!["text"]);
        var buttons = blocks[3]!["elements"]!.AsArray();
        Assert.Equal(["https://monitor.example.com/monitors/1", "https://monitor.example.com/ack/abc"], buttons.Select(b => (string?)b!["url"]));
    }

    [Fact]
    public async Task TeamsGetsAMessageWithOneAdaptiveCard()
    {
        var delivery = Alerts.Delivery(ChannelKind.Teams, _receiver.UrlOf("/webhookb2/x"));

        var result = await new TeamsChannel(_http).SendAsync(delivery, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var message = JsonNode.Parse(Assert.Single(_receiver.Received).Body)!;
        Assert.Equal("message", (string?)message["type"]);
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.4", (string?)card["version"]);
        var body = card["body"]!.AsArray();
        Assert.Equal("api.example.com is down", (string?)body[0]!["text"]);
        Assert.Equal("Attention", (string?)body[0]!["color"]);
        var facts = body[1]!["facts"]!.AsArray().ToDictionary(f => (string)f!["title"]!, f => (string?)f!["value"]);
        Assert.Equal("API", facts["Monitor"]);
        Assert.Equal("Down", facts["State"]);
        Assert.Equal("3 min 20 s", facts["Duration"]);
        Assert.Equal("HTTP 503 Service Unavailable", (string?)body[2]!["text"]);
        var actions = card["actions"]!.AsArray();
        Assert.All(actions, a => Assert.Equal("Action.OpenUrl", (string?)a!["type"]));
        Assert.Equal(["https://monitor.example.com/monitors/1", "https://monitor.example.com/ack/abc"], actions.Select(a => (string?)a!["url"]));
    }

    [Fact]
    public async Task TeamsShowsARecoveryInGood()
    {
        var delivery = Alerts.Delivery(ChannelKind.Teams, _receiver.Url, Alerts.Resolved(Alerts.NextIncident()));

        await new TeamsChannel(_http).SendAsync(delivery, CancellationToken.None);

        var card = JsonNode.Parse(Assert.Single(_receiver.Received).Body)!["attachments"]![0]!["content"]!;
        Assert.Equal("Good", (string?)card["body"]![0]!["color"]);
    }

    [Fact]
    public async Task DiscordGetsARedEmbedForTroubleAndGreenForRecovery()
    {
        var channel = new DiscordChannel(_http);
        var incident = Alerts.NextIncident();
        _receiver.StatusCode = 204;

        var opened = await channel.SendAsync(Alerts.Delivery(ChannelKind.Discord, _receiver.Url, Alerts.Opened(incident)), CancellationToken.None);
        var resolved = await channel.SendAsync(Alerts.Delivery(ChannelKind.Discord, _receiver.Url, Alerts.Resolved(incident)), CancellationToken.None);

        Assert.True(opened.Succeeded, opened.Error);
        Assert.True(resolved.Succeeded, resolved.Error);
        Assert.Equal(204, opened.StatusCode);
        var messages = _receiver.Received.Select(r => JsonNode.Parse(r.Body)!).ToList();
        var down = Assert.Single(messages[0]["embeds"]!.AsArray())!;
        Assert.Equal("api.example.com is down", (string?)down["title"]);
        Assert.Equal("HTTP 503 Service Unavailable", (string?)down["description"]);
        Assert.Equal(DiscordChannel.Red, (int)down["color"]!);
        Assert.Equal("2026-12-02T05:03:20Z", (string?)down["timestamp"]);
        var fields = down["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => (string?)f!["value"]);
        Assert.Equal("API", fields["Monitor"]);
        Assert.Equal("Down", fields["State"]);
        Assert.Equal("https://api.example.com/health", fields["Target"]);
        Assert.Equal("3 min 20 s", fields["Duration"]);
        Assert.Empty(messages[0]["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal(DiscordChannel.Green, (int)messages[1]["embeds"]![0]!["color"]!);
    }
}
