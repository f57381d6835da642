using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting.Channels;

/// <summary>PagerDuty events against a loopback receiver answering 202 like the Events API v2.</summary>
public sealed class PagerDutyChannelTests : IAsyncLifetime
{
    private const string RoutingKey = "R0UT1NGKEY0123456789ABCDEFGHIJKL";

    private readonly ChannelHttpClient _http = Alerts.Http();
    private LocalHttpTarget _receiver = null!;
    private PagerDutyChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _receiver = await LocalHttpTarget.StartAsync();
        _receiver.StatusCode = 202;
        _receiver.Body = """{"status":"success","message":"Event processed","dedup_key":"x"}""";
        _receiver.ContentType = "application/json";
        _channel = new PagerDutyChannel(_http, Options.Create(new PagerDutyOptions { EventsUrl = _receiver.UrlOf("/v2/enqueue") }));
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task TriggerAcknowledgeAndResolveShareOneDedupKeyPerIncident()
    {
        var incident = Alerts.NextIncident();
        var opened = Alerts.Opened(incident);
        var acknowledged = opened with { Kind = AlertEventKind.Acknowledged };
        var resolved = Alerts.Resolved(incident);

        foreach (var alert in new[] { opened, acknowledged, resolved })
        {
            var result = await _channel.SendAsync(Alerts.Delivery(ChannelKind.PagerDuty, string.Empty, alert, RoutingKey), CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(202, result.StatusCode);
        }

        var events = _receiver.Received.Select(r => (Path: r.Path, Body: JsonNode.Parse(r.Body)!)).ToList();
        Assert.All(events, e => Assert.Equal("/v2/enqueue", e.Path));
        Assert.Equal(["trigger", "acknowledge", "resolve"], events.Select(e => (string?)e.Body["event_action"]));
        Assert.All(events, e => Assert.Equal("orleansmonitor-" + incident, (string?)e.Body["dedup_key"]));
        Assert.All(events, e => Assert.Equal(RoutingKey, (string?)e.Body["routing_key"]));

        var payload = events[0].Body["payload"]!;
        Assert.Equal("api.example.com is down", (string?)payload["summary"]);
        Assert.Equal("https://api.example.com/health", (string?)payload["source"]);
        Assert.Equal("critical", (string?)payload["severity"]);
        Assert.Equal("2026-12-02T05:03:20Z", (string?)payload["timestamp"]);
        Assert.Equal("HTTP 503 Service Unavailable", (string?)payload["custom_details"]!["cause"]);
        Assert.Null(events[1].Body["payload"]);
        Assert.Null(events[2].Body["payload"]);
    }

    [Fact]
    public async Task AnotherIncidentGetsAnotherDedupKey()
    {
        await _channel.SendAsync(Alerts.Delivery(ChannelKind.PagerDuty, string.Empty, Alerts.Opened(), RoutingKey), CancellationToken.None);
        await _channel.SendAsync(Alerts.Delivery(ChannelKind.PagerDuty, string.Empty, Alerts.Opened(), RoutingKey), CancellationToken.None);

        var keys = _receiver.Received.Select(r => (string?)JsonNode.Parse(r.Body)!["dedup_key"]).ToList();
        Assert.Equal(2, keys.Distinct().Count());
    }

    [Fact]
    public async Task WithoutAnIncidentTheIdempotencyKeyIsTheDedupKeyAndATestIsInfo()
    {
        var alert = Alerts.Opened() with { Kind = AlertEventKind.Test, IncidentId = null };
        var delivery = Alerts.Delivery(ChannelKind.PagerDuty, string.Empty, alert, RoutingKey);

        await _channel.SendAsync(delivery, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(_receiver.Received).Body)!;
        Assert.Equal("trigger", (string?)body["event_action"]);
        Assert.Equal(delivery.IdempotencyKey, (string?)body["dedup_key"]);
        Assert.Equal("info", (string?)body["payload"]!["severity"]);
    }

    [Fact]
    public async Task WithoutARoutingKeyNothingIsSent()
    {
        var result = await _channel.SendAsync(Alerts.Delivery(ChannelKind.PagerDuty, string.Empty), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(0, _receiver.Requests);
    }
}
