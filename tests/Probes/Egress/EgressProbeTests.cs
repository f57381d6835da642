using System.Net;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes.Egress;

/// <summary>
/// Every probe kind against real sockets on loopback, with a deny rule for the loopback alias 127.0.0.2 (on Linux the whole
/// of 127.0.0.0/8 is local, so listeners bind it). A refused probe is DOWN with the policy's reason and its target sees nothing;
/// the control tests show the same target is reached without the rule, so the listeners do record what reaches them.
/// </summary>
public sealed class EgressProbeTests
{
    private const string Alias = "127.0.0.2";
    private const string Refused = "Egress policy refuses 127.0.0.2 (denied range 127.0.0.2/32)";

    private static readonly EgressPolicy DenyAlias = new(new EgressOptions { Deny = ["127.0.0.2/32"] });

    [Fact]
    public async Task HttpProbeOfADeniedAddressIsDownAndNeverConnects()
    {
        await using var target = await LocalHttpTarget.StartAsync(Alias);

        var result = await new HttpProbe(TimeProvider.System, egress: DenyAlias).RunAsync(ProbeRequests.Http(target.UrlOf("/")), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal(Refused, result.Message);
        Assert.Equal(0, target.AcceptedConnections);
    }

    [Fact]
    public async Task WithoutTheDenyRuleTheSameHttpTargetIsReached()
    {
        await using var target = await LocalHttpTarget.StartAsync(Alias);

        var result = await new HttpProbe(TimeProvider.System).RunAsync(ProbeRequests.Http(target.UrlOf("/")), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("200 - OK", result.Message);
        Assert.Equal(1, target.AcceptedConnections);
    }

    [Fact]
    public async Task HttpProbeOfAnIPv4MappedLiteralIsJudgedAsItsIPv4Address()
    {
        await using var target = await LocalHttpTarget.StartAsync(Alias);

        var result = await new HttpProbe(TimeProvider.System, egress: DenyAlias)
            .RunAsync(ProbeRequests.Http($"http://[::ffff:127.0.0.2]:{target.Port}/"), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("Egress policy refuses ::ffff:127.0.0.2 (denied range 127.0.0.2/32)", result.Message);
        Assert.Equal(0, target.AcceptedConnections);
    }

    [Fact]
    public async Task HttpProbeOfADeniedIPv6LiteralIsRefused()
    {
        await using var target = await LocalHttpTarget.StartAsync("::1");
        var denyLoopback6 = new EgressPolicy(new EgressOptions { Deny = ["::1"] });

        var refused = await new HttpProbe(TimeProvider.System, egress: denyLoopback6).RunAsync(ProbeRequests.Http(target.UrlOf("/")), CancellationToken.None);
        var reached = await new HttpProbe(TimeProvider.System).RunAsync(ProbeRequests.Http(target.UrlOf("/")), CancellationToken.None);

        Assert.False(refused.IsUp);
        Assert.Equal("Egress policy refuses ::1 (denied range ::1/128)", refused.Message);
        Assert.True(reached.IsUp, reached.Message);
        Assert.Equal(1, target.AcceptedConnections);
    }

    [Fact]
    public async Task RedirectFromAnAllowedTargetToADeniedOneIsNotFollowed()
    {
        await using var denied = await LocalHttpTarget.StartAsync(Alias);
        await using var origin = await RedirectorAsync(denied.UrlOf("/"));

        var result = await new HttpProbe(TimeProvider.System, egress: DenyAlias).RunAsync(ProbeRequests.Http(origin.UrlOf("/")), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal($"Redirect to http://127.0.0.2:{denied.Port} not followed: {Refused}", result.Message);
        Assert.Equal(1, origin.AcceptedConnections);
        Assert.Equal(0, denied.AcceptedConnections);
    }

    [Fact]
    public async Task RedirectToAnotherAllowedAddressIsStillFollowed()
    {
        await using var final = await LocalHttpTarget.StartAsync("127.0.0.3");
        await using var origin = await RedirectorAsync(final.UrlOf("/"));

        var result = await new HttpProbe(TimeProvider.System, egress: DenyAlias).RunAsync(ProbeRequests.Http(origin.UrlOf("/")), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal(1, origin.AcceptedConnections);
        Assert.Equal(1, final.AcceptedConnections);
    }

    [Fact]
    public async Task HostNameTheProbeResolverMapsToADeniedAddressIsRefusedAtConnect()
    {
        await using var target = await LocalHttpTarget.StartAsync(Alias);
        await using var dns = LocalDnsServer.Start();
        dns.AddA("metadata.egress.test", Alias);
        var probe = new HttpProbe(TimeProvider.System, egress: DenyAlias, resolver: ResolverFor(dns));

        var result = await probe.RunAsync(ProbeRequests.Http($"http://metadata.egress.test:{target.Port}/"), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal(Refused, result.Message);
        Assert.Equal(0, target.AcceptedConnections);
        Assert.InRange(dns.QueriesReceived, 1, 4);
    }

    [Fact]
    public async Task HostNameTheProbeResolverMapsToAnAllowedAddressIsReached()
    {
        await using var target = await LocalHttpTarget.StartAsync();
        await using var dns = LocalDnsServer.Start();
        dns.AddA("service.egress.test", "127.0.0.1");
        var probe = new HttpProbe(TimeProvider.System, egress: DenyAlias, resolver: ResolverFor(dns));

        var result = await probe.RunAsync(ProbeRequests.Http($"http://service.egress.test:{target.Port}/"), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal(1, target.AcceptedConnections);
    }

    [Fact]
    public async Task HostNameUnknownToTheProbeResolverIsADnsFailure()
    {
        await using var dns = LocalDnsServer.Start();
        var probe = new HttpProbe(TimeProvider.System, egress: DenyAlias, resolver: ResolverFor(dns));

        var result = await probe.RunAsync(ProbeRequests.Http("http://nowhere.egress.test/"), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DNS lookup failed for nowhere.egress.test", result.Message);
        Assert.True(dns.QueriesReceived > 0);
    }

    [Fact]
    public async Task RebindingNameIsRefusedOnTheSecondProbe()
    {
        var (allowed, denied) = await PairAsync("127.0.0.1", Alias);
        await using var _ = allowed;
        await using var __ = denied;
        await using var dns = LocalDnsServer.Start();
        dns.AddRebindingA("rebind.egress.test", "127.0.0.1", Alias);
        var probe = new HttpProbe(TimeProvider.System, egress: DenyAlias, resolver: ResolverFor(dns));
        var request = ProbeRequests.Http($"http://rebind.egress.test:{allowed.Port}/");

        var first = await probe.RunAsync(request, CancellationToken.None);
        var second = await probe.RunAsync(request, CancellationToken.None);

        Assert.True(first.IsUp, first.Message);
        Assert.False(second.IsUp);
        Assert.Equal("DOWN", second.Status);
        Assert.Equal(Refused, second.Message);
        Assert.Equal(2, dns.RebindingQueries("rebind.egress.test"));
        Assert.Equal(1, allowed.AcceptedConnections);
        Assert.Equal(0, denied.AcceptedConnections);
    }

    [Fact]
    public async Task TcpProbeOfADeniedAddressIsRefusedWithoutConnecting()
    {
        await using var target = LocalTcpTarget.Start(Alias);

        var result = await new TcpProbe(DenyAlias).RunAsync(ProbeRequests.Tcp(Alias, target.Port), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal(Refused, result.Message);
        Assert.Equal(0, target.Accepted);
    }

    [Fact]
    public async Task TcpProbeOfAHostNameMappedToADeniedAddressIsRefused()
    {
        await using var target = LocalTcpTarget.Start(Alias);
        await using var dns = LocalDnsServer.Start();
        dns.AddA("db.egress.test", Alias);

        var result = await new TcpProbe(DenyAlias, ResolverFor(dns)).RunAsync(ProbeRequests.Tcp("db.egress.test", target.Port), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal(Refused, result.Message);
        Assert.Equal(0, target.Accepted);
    }

    [Fact]
    public async Task WithoutTheDenyRuleTheSameTcpTargetIsReached()
    {
        await using var target = LocalTcpTarget.Start(Alias);

        var result = await new TcpProbe().RunAsync(ProbeRequests.Tcp(Alias, target.Port), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        await Eventually.HoldsAsync(() => Task.FromResult(target.Accepted), count => count == 1, "the probe's connection", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PingProbeOfADeniedAddressIsRefused()
    {
        var result = await new PingProbe(DenyAlias).RunAsync(ProbeRequests.Ping(Alias), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal(Refused, result.Message);
    }

    [Fact]
    public async Task PingProbeOfAHostNameMappedToADeniedAddressIsRefused()
    {
        await using var dns = LocalDnsServer.Start();
        dns.AddA("router.egress.test", Alias);

        var result = await new PingProbe(DenyAlias, ResolverFor(dns)).RunAsync(ProbeRequests.Ping("router.egress.test"), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal(Refused, result.Message);
    }

    /// <summary>Needs ICMP like <see cref="PingProbeTests"/>: without CAP_NET_RAW or a ping utility it fails, by design.</summary>
    [Fact]
    public async Task WithoutTheDenyRuleTheSameAddressAnswersPing()
    {
        var result = await new PingProbe().RunAsync(ProbeRequests.Ping(Alias), CancellationToken.None);

        Assert.True(result.IsUp, $"{result.Status}: {result.Message}");
    }

    [Fact]
    public async Task DnsProbeWhoseResolverIsDeniedSendsNoQuery()
    {
        await using var resolver = LocalDnsServer.Start(IPAddress.Parse(Alias));
        resolver.AddA("example.test", "192.0.2.1");

        var result = await new DnsProbe(DenyAlias).RunAsync(DnsRequest("example.test", resolver.Endpoint), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal(Refused, result.Message);
        Assert.Equal(0, resolver.QueriesReceived);
    }

    [Fact]
    public async Task WithoutTheDenyRuleTheSameResolverIsAsked()
    {
        await using var resolver = LocalDnsServer.Start(IPAddress.Parse(Alias));
        resolver.AddA("example.test", "192.0.2.1");

        var result = await new DnsProbe().RunAsync(DnsRequest("example.test", resolver.Endpoint), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal(1, resolver.QueriesReceived);
    }

    [Fact]
    public async Task DnsProbeWithoutAResolverAsksTheProbeResolver()
    {
        await using var dns = LocalDnsServer.Start();
        dns.AddA("example.test", "192.0.2.7");

        var result = await new DnsProbe(DenyAlias, ResolverFor(dns)).RunAsync(DnsRequest("example.test", resolver: null), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("A example.test: 192.0.2.7", result.Message);
        Assert.Equal(1, dns.QueriesReceived);
    }

    private static ProbeAddressResolver ResolverFor(LocalDnsServer dns) => new(new IPEndPoint(dns.Address, dns.Port));

    /// <summary>A target on 127.0.0.1 that answers every request with "302 Found" to <paramref name="location"/>.</summary>
    private static async Task<LocalHttpTarget> RedirectorAsync(string location)
    {
        var origin = await LocalHttpTarget.StartAsync();
        origin.StatusCode = 302;
        origin.Headers["Location"] = location;
        return origin;
    }

    /// <summary>
    /// Two targets on one port number, one on each address (for a host name whose answer moves from the first to the second).
    /// Retries when the port is taken on the second address.
    /// </summary>
    private static async Task<(LocalHttpTarget First, LocalHttpTarget Second)> PairAsync(string first, string second)
    {
        for (var attempt = 0; ; attempt++)
        {
            var one = await LocalHttpTarget.StartAsync(first);
            try
            {
                return (one, await LocalHttpTarget.StartAsync(second, one.Port));
            }
            catch (IOException) when (attempt < 20)
            {
                await one.DisposeAsync();
            }
        }
    }

    private static ProbeRequest DnsRequest(string name, string? resolver) =>
        new(MonitorType.Dns, name, null, "GET", new Dictionary<string, string>(), null, StatusCodeRanges.Default, TimeSpan.FromSeconds(5))
        {
            Dns = new DnsCheck("A", name, resolver, [], false),
        };
}
