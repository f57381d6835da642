using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting.Channels;

public sealed class GenericWebhookChannelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    private readonly ChannelHttpClient _http = Alerts.Http();
    private readonly GenericWebhookChannel _channel;
    private LocalHttpTarget _receiver = null!;

    public GenericWebhookChannelTests() => _channel = new GenericWebhookChannel(_http, new FakeTimeProvider(Now));

    public async Task InitializeAsync() => _receiver = await LocalHttpTarget.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task PostsTheDocumentedPayloadWithTheIdempotencyKey()
    {
        var alert = Alerts.Opened();
        var delivery = Alerts.Delivery(ChannelKind.Webhook, _receiver.UrlOf("/hook"), alert);

        var result = await _channel.SendAsync(delivery, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(200, result.StatusCode);
        var request = Assert.Single(_receiver.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hook", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(delivery.IdempotencyKey, request.Headers["Idempotency-Key"]);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("opened", root.GetProperty("event").GetString());
        Assert.Equal(alert.IncidentId, root.GetProperty("incident_id").GetInt64());
        Assert.Equal(alert.MonitorId, root.GetProperty("monitor_id").GetGuid());
        Assert.Equal("api.example.com is down", root.GetProperty("title").GetString());
        Assert.Equal("API", root.GetProperty("monitor_name").GetString());
        Assert.Equal("https://api.example.com/health", root.GetProperty("target").GetString());
        Assert.Equal("HTTP 503 Service Unavailable", root.GetProperty("cause").GetString());
        Assert.Equal("2026-12-02T05:03:20Z", root.GetProperty("occurred_at").GetString());
        Assert.Equal("2026-12-02T05:00:00Z", root.GetProperty("started_at").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("resolved_at").ValueKind);
        Assert.Equal(200, root.GetProperty("duration_seconds").GetInt64());
        Assert.Equal("https://monitor.example.com/monitors/1", root.GetProperty("dashboard_url").GetString());
        Assert.Equal("https://monitor.example.com/ack/abc", root.GetProperty("acknowledge_url").GetString());
        Assert.Equal(delivery.IdempotencyKey, root.GetProperty("idempotency_key").GetString());
    }

    [Fact]
    public async Task EventKindIsSnakeCase()
    {
        var alert = Alerts.Opened() with { Kind = AlertEventKind.StillDown };

        await _channel.SendAsync(Alerts.Delivery(ChannelKind.Webhook, _receiver.Url, alert), CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Received).Body);
        Assert.Equal("still_down", json.RootElement.GetProperty("event").GetString());
    }

    [Fact]
    public async Task SignatureVerifiesWithTheDocumentedRecipe()
    {
        const string secret = "whsec-ünïcode-secret";
        var delivery = Alerts.Delivery(ChannelKind.Webhook, _receiver.Url, Alerts.Opened(monitorName: "<b>\"quoted\"</b> ✓"), secret);

        var result = await _channel.SendAsync(delivery, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_receiver.Received);
        var timestamp = request.Headers["X-OrleansMonitor-Timestamp"];
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}"));
        Assert.Equal("sha256=" + Convert.ToHexString(expected).ToLowerInvariant(), request.Headers["X-OrleansMonitor-Signature"]);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("<b>\"quoted\"</b> ✓", json.RootElement.GetProperty("monitor_name").GetString());
    }

    [Fact]
    public async Task ATamperedBodyNoLongerMatchesTheSignature()
    {
        await _channel.SendAsync(Alerts.Delivery(ChannelKind.Webhook, _receiver.Url, secret: "secret"), CancellationToken.None);

        var request = Assert.Single(_receiver.Received);
        var tampered = request.Body.Replace("is down", "is up", StringComparison.Ordinal);
        var mac = HMACSHA256.HashData("secret"u8.ToArray(), Encoding.UTF8.GetBytes($"{request.Headers["X-OrleansMonitor-Timestamp"]}.{tampered}"));
        Assert.NotEqual("sha256=" + Convert.ToHexStringLower(mac), request.Headers["X-OrleansMonitor-Signature"]);
    }

    [Fact]
    public async Task NoSignatureHeadersWithoutASecret()
    {
        var result = await _channel.SendAsync(Alerts.Delivery(ChannelKind.Webhook, _receiver.Url), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_receiver.Received);
        Assert.False(request.Headers.ContainsKey("X-OrleansMonitor-Timestamp"));
        Assert.False(request.Headers.ContainsKey("X-OrleansMonitor-Signature"));
        Assert.True(request.Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task AnInvalidUrlFailsWithoutRetryOrRequest()
    {
        var result = await _channel.SendAsync(Alerts.Delivery(ChannelKind.Webhook, "ftp://example.com/hook"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal("Invalid URL: an absolute http or https URL is required", result.Error);
    }
}
