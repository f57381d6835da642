using System.Diagnostics;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes;

public sealed class HttpProbeTests(HttpServerFixture fixture) : IClassFixture<HttpServerFixture>
{
    private readonly HttpProbe _probe = new(TimeProvider.System);

    private LocalHttpTarget Server => fixture.Server;

    [Fact]
    public async Task OkAnswerIsUpWithCodeAndReason()
    {
        var result = await _probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/ok")), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("200", result.Status);
        Assert.Equal("200 - OK", result.Message);
        Assert.Null(result.Certificate);
        Assert.InRange(result.LatencyMs, 0, 5_000);
    }

    [Fact]
    public async Task ServerErrorIsDownWhenOnlyTwoHundredsAreValid()
    {
        var result = await _probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/status/500")), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("500", result.Status);
        Assert.Equal("500 - Internal Server Error", result.Message);
    }

    [Fact]
    public async Task ServerErrorIsUpWhenItsCodeIsValid()
    {
        var request = ProbeRequests.Http(Server.UrlOf("/status/500"), validStatusCodes: ProbeRequests.Codes("200-299", "500"));

        var result = await _probe.RunAsync(request, CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("500", result.Status);
    }

    [Fact]
    public async Task RedirectIsFollowedToTheFinalAnswer()
    {
        var result = await _probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/redirect")), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("201", result.Status);
        Assert.Equal("201 - Created", result.Message);
    }

    [Fact]
    public async Task EndlessRedirectsStopAndReportTheRedirect()
    {
        var result = await _probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/redirect-loop")), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("302", result.Status);
    }

    [Fact]
    public async Task PostSendsJsonBodyAndCustomHeader()
    {
        var headers = new Dictionary<string, string> { ["X-Probe"] = "orleans-monitor" };
        var request = ProbeRequests.Http(Server.UrlOf("/echo"), "POST", headers: headers, body: """{"name":"probe","n":1}""");

        var result = await _probe.RunAsync(request, CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        var received = Assert.Single(Server.Received, r => r.Headers.GetValueOrDefault("X-Probe") == "orleans-monitor");
        Assert.Equal("POST", received.Method);
        Assert.Equal("""{"name":"probe","n":1}""", received.Body);
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
    }

    [Fact]
    public async Task BodyThatIsNotJsonIsSentAsPlainText()
    {
        var headers = new Dictionary<string, string> { ["X-Probe"] = "plain-text" };
        var request = ProbeRequests.Http(Server.UrlOf("/echo"), "PUT", headers: headers, body: "just words");

        await _probe.RunAsync(request, CancellationToken.None);

        var received = Assert.Single(Server.Received, r => r.Headers.GetValueOrDefault("X-Probe") == "plain-text");
        Assert.Equal("PUT", received.Method);
        Assert.Equal("just words", received.Body);
        Assert.Equal("text/plain; charset=utf-8", received.ContentType);
    }

    [Fact]
    public async Task GetIgnoresTheBody()
    {
        var headers = new Dictionary<string, string> { ["X-Probe"] = "get-with-body" };
        var request = ProbeRequests.Http(Server.UrlOf("/echo"), "get", headers: headers, body: """{"ignored":true}""");

        await _probe.RunAsync(request, CancellationToken.None);

        var received = Assert.Single(Server.Received, r => r.Headers.GetValueOrDefault("X-Probe") == "get-with-body");
        Assert.Equal("GET", received.Method);
        Assert.Equal(string.Empty, received.Body);
        Assert.Null(received.ContentType);
    }

    [Fact]
    public async Task SlowServerTimesOut()
    {
        var request = ProbeRequests.Http(Server.UrlOf("/slow"), timeout: TimeSpan.FromSeconds(1));

        var result = await _probe.RunAsync(request, CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("TIMEOUT", result.Status);
        Assert.Equal("Request timed out after 1 s", result.Message);
        Assert.InRange(result.LatencyMs, 900, 5_000);
    }

    [Fact]
    public async Task CallerCancellationIsNotReportedAsTimeout()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/slow")), cancellation.Token));
    }

    [Fact]
    public async Task EndlessBodyIsReadOnlyUpToTheBound()
    {
        var watch = Stopwatch.StartNew();

        var result = await _probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/endless"), timeout: TimeSpan.FromSeconds(5)), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"The probe took {watch.Elapsed}: it kept reading the endless body.");
    }

    [Fact]
    public async Task EveryProbeOpensItsOwnConnection()
    {
        var before = Server.AcceptedConnections;

        for (var i = 0; i < 3; i++)
        {
            var result = await _probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/ok")), CancellationToken.None);
            Assert.True(result.IsUp, result.Message);
        }

        Assert.Equal(3, Server.AcceptedConnections - before);
    }

    [Fact]
    public async Task RefusedConnectionIsDownWithoutThrowing()
    {
        var request = ProbeRequests.Http($"http://127.0.0.1:{FreePort.Next()}/");

        var result = await _probe.RunAsync(request, CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal("Connection refused", result.Message);
    }

    [Fact]
    public async Task UnknownHostIsDownWithDnsMessage()
    {
        var result = await _probe.RunAsync(ProbeRequests.Http("http://no-such-host.invalid/"), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal("DNS lookup failed for no-such-host.invalid", result.Message);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/file")]
    public async Task InvalidUrlIsDownWithoutThrowing(string url)
    {
        var result = await _probe.RunAsync(ProbeRequests.Http(url), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.StartsWith("Invalid URL", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidMethodIsDownWithoutThrowing()
    {
        var result = await _probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/ok"), "GE T"), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("Invalid HTTP method 'GE T'", result.Message);
    }
}
