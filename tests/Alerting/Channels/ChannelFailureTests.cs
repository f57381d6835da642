using System.Diagnostics;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting.Channels;

/// <summary>How receivers' failures become results: which are worth retrying, and that none of them throws.</summary>
public sealed class ChannelFailureTests : IAsyncLifetime
{
    private LocalHttpTarget _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LocalHttpTarget.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(408, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    public async Task StatusDecidesWhetherToRetry(int status, bool retryable)
    {
        _receiver.StatusCode = status;
        _receiver.Body = "no_service";
        using var http = Alerts.Http();

        var result = await new SlackChannel(http).SendAsync(Alerts.Delivery(ChannelKind.Slack, _receiver.Url), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(retryable, result.Retryable);
        Assert.StartsWith($"HTTP {status}", result.Error, StringComparison.Ordinal);
        Assert.EndsWith(": no_service", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedirectIsNotFollowedNorRetried()
    {
        await using var elsewhere = await LocalHttpTarget.StartAsync();
        _receiver.StatusCode = 302;
        _receiver.Headers["Location"] = elsewhere.Url;
        using var http = Alerts.Http();

        var result = await new GenericWebhookChannel(http, TimeProvider.System).SendAsync(Alerts.Delivery(ChannelKind.Webhook, _receiver.Url), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(302, result.StatusCode);
        Assert.Equal($"Redirect not followed: 302 to {elsewhere.Url}", result.Error);
        Assert.Equal(1, _receiver.Requests);
        Assert.Equal(0, elsewhere.Requests);
    }

    [Fact]
    public async Task AStalledReceiverTimesOutWithinTheTimeoutAndIsRetryable()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        _receiver.Delay = TimeSpan.FromSeconds(30);
        using var http = Alerts.Http(timeout);
        var watch = Stopwatch.StartNew();

        var result = await new DiscordChannel(http).SendAsync(Alerts.Delivery(ChannelKind.Discord, _receiver.Url), CancellationToken.None);

        watch.Stop();
        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Null(result.StatusCode);
        Assert.Equal("Timed out after 0.5 s", result.Error);
        Assert.InRange(watch.Elapsed, timeout - TimeSpan.FromMilliseconds(50), timeout + TimeSpan.FromSeconds(2));
        Assert.InRange(result.LatencyMs, 450, 2_500);
    }

    [Fact]
    public async Task ARefusedConnectionIsRetryable()
    {
        var url = _receiver.Url;
        await _receiver.StopAsync();
        using var http = Alerts.Http();

        var result = await new TeamsChannel(http).SendAsync(Alerts.Delivery(ChannelKind.Teams, url), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable, result.Error);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task ADestinationTheEgressPolicyDeniesIsRefusedWithoutConnecting()
    {
        await using var denied = await LocalHttpTarget.StartAsync("127.0.0.2");
        using var http = Alerts.Http(egress: new EgressPolicy(new EgressOptions { Deny = ["127.0.0.2/32"] }));

        var result = await new GenericWebhookChannel(http, TimeProvider.System).SendAsync(Alerts.Delivery(ChannelKind.Webhook, denied.Url), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Null(result.StatusCode);
        Assert.Equal("Egress policy refuses 127.0.0.2 (denied range 127.0.0.2/32)", result.Error);
        Assert.Equal(0, denied.AcceptedConnections);
        Assert.Equal(0, denied.Requests);
    }

    [Fact]
    public async Task TheCallersCancellationThrows()
    {
        _receiver.Delay = TimeSpan.FromSeconds(30);
        using var http = Alerts.Http();
        using var cancel = new CancellationTokenSource();
        var sending = new SlackChannel(http).SendAsync(Alerts.Delivery(ChannelKind.Slack, _receiver.Url), cancel.Token);
        await Eventually.HoldsAsync(() => Task.FromResult(_receiver.Requests), requests => requests == 1, "the request at the receiver");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    [Fact]
    public async Task AReceiversErrorTextIsCappedAndCleaned()
    {
        _receiver.StatusCode = 500;
        _receiver.Body = "bad\0" + new string('x', 5_000);
        using var http = Alerts.Http();

        var result = await new SlackChannel(http).SendAsync(Alerts.Delivery(ChannelKind.Slack, _receiver.Url), CancellationToken.None);

        Assert.NotNull(result.Error);
        Assert.InRange(result.Error.Length, 1, Grains.Text.StoredText.MessageMaxLength);
        Assert.DoesNotContain('\0', result.Error);
        Assert.StartsWith("HTTP 500 Internal Server Error: bad\uFFFD", result.Error, StringComparison.Ordinal);
    }
}
