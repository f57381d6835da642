using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Probes.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansMonitor.Tests.Probes;
using OrleansMonitor.Tests.Infrastructure;
using static OrleansMonitor.GrainInterfaces.Monitors.SyntheticAssertionKind;

namespace OrleansMonitor.Tests.Probes.Synthetic;

/// <summary>HTTP probes with synthetic assertions against a real loopback server.</summary>
public sealed class SyntheticAssertionTests(HttpServerFixture fixture) : IClassFixture<HttpServerFixture>
{
    private readonly HttpProbe _probe = new(TimeProvider.System);

    private LocalHttpTarget Server => fixture.Server;

    [Fact]
    public async Task PassingAssertionsKeepTheProbeUpWithTheStatusLine()
    {
        var result = await RunAsync(
            "/json",
            new SyntheticAssertion(StatusCodeIn, null, "200"),
            new SyntheticAssertion(ResponseTimeBelow, null, "5000"),
            new SyntheticAssertion(BodyContains, null, "degraded"),
            new SyntheticAssertion(BodyNotContains, null, "error"),
            new SyntheticAssertion(JsonPathEquals, "$.status", "degraded"),
            new SyntheticAssertion(JsonPathEquals, "data.id", "7"),
            new SyntheticAssertion(JsonPathEquals, "$.data.items[0].id", "a-1"),
            new SyntheticAssertion(JsonPathEquals, "$.data.items[0].ok", "true"),
            new SyntheticAssertion(JsonPathEquals, "$.data.ratio", "0.5"),
            new SyntheticAssertion(JsonPathEquals, "$.data.none", "null"),
            new SyntheticAssertion(JsonPathEquals, "$['dotted.key']", "x"),
            new SyntheticAssertion(JsonPathExists, "$.data.items[0]", null),
            new SyntheticAssertion(HeaderEquals, "cache-control", "no-store"),
            new SyntheticAssertion(HeaderEquals, "Content-Type", "application/json"));

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("200", result.Status);
        Assert.Equal("200 - OK", result.Message);
    }

    [Fact]
    public async Task EveryFailedAssertionIsNamedInOrder()
    {
        var result = await RunAsync(
            "/json",
            new SyntheticAssertion(JsonPathEquals, "$.status", "ok"),
            new SyntheticAssertion(JsonPathExists, "$.data.missing", null),
            new SyntheticAssertion(JsonPathEquals, "data.items[3].id", "a-1"),
            new SyntheticAssertion(HeaderEquals, "Cache-Control", "public"),
            new SyntheticAssertion(HeaderEquals, "X-Missing", "1"),
            new SyntheticAssertion(BodyContains, null, "\"healthy\""),
            new SyntheticAssertion(BodyNotContains, null, "degraded"));

        Assert.False(result.IsUp);
        Assert.Equal("200", result.Status);
        Assert.Equal(
            "Assertions failed: $.status is \"degraded\", expected \"ok\"; $.data.missing missing; $.data.items[3].id missing; "
            + "header Cache-Control is \"no-store\", expected \"public\"; header X-Missing missing; body does not contain \"\"healthy\"\"; body contains \"degraded\"",
            result.Message);
    }

    [Fact]
    public async Task JsonAssertionOnATextBodyFailsAsNotJson()
    {
        var result = await RunAsync("/ok", new SyntheticAssertion(BodyContains, null, "hello"), new SyntheticAssertion(JsonPathExists, "$.status", null));

        Assert.False(result.IsUp);
        Assert.Equal("Assertions failed: body is not JSON", result.Message);
    }

    [Fact]
    public async Task StatusCodeAssertionReplacesTheValidStatusCodes()
    {
        var result = await RunAsync("/status/500", new SyntheticAssertion(StatusCodeIn, null, "500"));

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("500", result.Status);
        Assert.Equal("500 - Internal Server Error", result.Message);
    }

    [Fact]
    public async Task FailedStatusAssertionNamesTheAcceptedCodes()
    {
        var result = await RunAsync("/status/503", new SyntheticAssertion(StatusCodeIn, null, "200-299,304"), new SyntheticAssertion(BodyContains, null, "ok"));

        Assert.False(result.IsUp);
        Assert.Equal("503", result.Status);
        Assert.Equal("Assertions failed: status 503 not in 200-299, 304; body does not contain \"ok\"", result.Message);
    }

    [Fact]
    public async Task ValidStatusCodesStillDecideWithoutAStatusAssertion()
    {
        var result = await RunAsync("/status/503", new SyntheticAssertion(BodyNotContains, null, "error"));

        Assert.False(result.IsUp);
        Assert.Equal("503", result.Status);
        Assert.Equal("Assertions failed: status 503 not in 200-299", result.Message);
    }

    [Fact]
    public async Task SlowAnswerFailsTheResponseTimeAssertion()
    {
        var result = await RunAsync("/delay/300", new SyntheticAssertion(ResponseTimeBelow, null, "100"));

        Assert.False(result.IsUp);
        Assert.InRange(result.LatencyMs, 300, 5_000);
        Assert.Equal($"Assertions failed: response {result.LatencyMs} ms over 100 ms", result.Message);
    }

    [Fact]
    public async Task BodyIsReadUpToExactlyOneMebibyte()
    {
        var atTheLimit = await RunAsync($"/padded/{AssertionEvaluator.MaxBodyBytes - 4}", new SyntheticAssertion(BodyContains, null, "tail"));
        var pastTheLimit = await RunAsync($"/padded/{AssertionEvaluator.MaxBodyBytes - 3}", new SyntheticAssertion(BodyContains, null, "tail"));

        Assert.True(atTheLimit.IsUp, atTheLimit.Message);
        Assert.False(pastTheLimit.IsUp);
        Assert.Equal("Assertions failed: body does not contain \"tail\"", pastTheLimit.Message);
    }

    [Fact]
    public async Task EndlessBodyStopsAtTheLimitInsteadOfTimingOut()
    {
        var result = await RunAsync("/endless", new SyntheticAssertion(BodyContains, null, "needle"));

        Assert.False(result.IsUp);
        Assert.Equal("200", result.Status);
        Assert.Equal("Assertions failed: body does not contain \"needle\"", result.Message);
    }

    [Fact]
    public async Task DeclaredCharsetIsUsedToReadTheBody()
    {
        var result = await RunAsync("/latin1", new SyntheticAssertion(BodyContains, null, "café"));

        Assert.True(result.IsUp, result.Message);
    }

    [Fact]
    public async Task CertificateAssertionOverPlainHttpFails()
    {
        var result = await RunAsync("/ok", new SyntheticAssertion(TlsValidDaysAtLeast, null, "0"));

        Assert.False(result.IsUp);
        Assert.Equal("Assertions failed: no TLS certificate (not https)", result.Message);
    }

    [Fact]
    public async Task DomainAssertionOnAnAddressIsUnknownWithoutAsking()
    {
        await using var rdap = await LoopbackRdapServer.StartAsync();
        var client = new RdapClient(Options.Create(new RdapOptions { BaseUrl = rdap.BaseUrl }), TimeProvider.System);
        var probe = new HttpProbe(TimeProvider.System, client);

        var result = await probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/ok")) with { Assertions = [new SyntheticAssertion(DomainDaysAtLeast, null, "30")] }, CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("Assertions failed: domain expiry unknown: 127.0.0.1 is not a registered domain name", result.Message);
        Assert.Empty(rdap.Paths);
    }

    [Fact]
    public async Task DomainAssertionWithoutRdapClientIsUnknown()
    {
        var result = await RunAsync("/ok", new SyntheticAssertion(DomainDaysAtLeast, null, "30"));

        Assert.False(result.IsUp);
        Assert.Equal("Assertions failed: domain expiry unknown: no RDAP client is configured", result.Message);
    }

    [Theory]
    [InlineData(false, "Assertions failed: domain expiry unknown: no RDAP client is configured")]
    [InlineData(true, "Assertions failed: domain expiry unknown: 127.0.0.1 is not a registered domain name")]
    public async Task ContainerPassesTheRdapClientOnlyWhenOneIsRegistered(bool registerRdap, string message)
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddSingleton<IProbe, HttpProbe>();
        if (registerRdap)
        {
            services.AddOptions<RdapOptions>().Configure(options => options.BaseUrl = "http://127.0.0.1:9");
            services.AddSingleton<RdapClient>();
        }

        await using var provider = services.BuildServiceProvider();
        var probe = provider.GetRequiredService<IProbe>();

        var result = await probe.RunAsync(ProbeRequests.Http(Server.UrlOf("/ok")) with { Assertions = [new SyntheticAssertion(DomainDaysAtLeast, null, "30")] }, CancellationToken.None);

        Assert.Equal(message, result.Message);
    }

    [Fact]
    public async Task MalformedAssertionFailsInsteadOfBeingSkipped()
    {
        var result = await RunAsync("/ok", new SyntheticAssertion(ResponseTimeBelow, null, "fast"));

        Assert.False(result.IsUp);
        Assert.Equal("Assertions failed: invalid assertion: Value must be a whole number of milliseconds from 1 to 600000", result.Message);
    }

    [Fact]
    public async Task InvalidCertificateStillDecidesBeforeAssertions()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = TestCertificates.SelfSigned(now.AddDays(-1), now.AddDays(30));
        await using var server = await ProbeRoutes.StartAsync(certificate);

        var result = await _probe.RunAsync(ProbeRequests.Http(server.UrlOf("/json")) with { Assertions = [new SyntheticAssertion(TlsValidDaysAtLeast, null, "7")] }, CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal("TLS certificate invalid: RemoteCertificateChainErrors", result.Message);
        Assert.NotNull(result.Certificate);
    }

    [Fact]
    public async Task StalledBodyTimesOutWhenAssertionsNeedIt()
    {
        var request = ProbeRequests.Http(Server.UrlOf("/stall"), timeout: TimeSpan.FromSeconds(2)); // headers come at once; the body stalls for 10 s

        var withoutAssertions = await _probe.RunAsync(request, CancellationToken.None);
        var result = await _probe.RunAsync(request with { Assertions = [new SyntheticAssertion(BodyContains, null, "start")] }, CancellationToken.None);

        Assert.True(withoutAssertions.IsUp, withoutAssertions.Message);
        Assert.False(result.IsUp);
        Assert.Equal("TIMEOUT", result.Status);
        Assert.Equal("Request timed out after 2 s", result.Message);
    }

    private Task<ProbeResult> RunAsync(string path, params SyntheticAssertion[] assertions) =>
        _probe.RunAsync(ProbeRequests.Http(Server.UrlOf(path)) with { Assertions = assertions }, CancellationToken.None);
}
