using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes;

public sealed class DnsProbeTests : IAsyncLifetime
{
    private readonly DnsProbe _probe = new();
    private readonly LocalDnsServer _server = LocalDnsServer.Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ARecordWithExpectedAddressIsUp()
    {
        _server.AddA("example.test", "192.0.2.1").AddA("example.test", "192.0.2.2");

        var result = await RunAsync("A", "example.test", ["192.0.2.2"]);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("NOERROR", result.Status);
        Assert.Equal("A example.test: 192.0.2.1, 192.0.2.2", result.Message);
        Assert.InRange(result.LatencyMs, 0, 1000);
        Assert.Equal(1, _server.QueriesReceived);
    }

    [Fact]
    public async Task ExpectedValueNotAnsweredIsDownNamingIt()
    {
        _server.AddA("example.test", "192.0.2.1");

        var result = await RunAsync("A", "example.test", ["192.0.2.9"]);

        Assert.False(result.IsUp);
        Assert.Equal("NOERROR", result.Status);
        Assert.Equal("expected 192.0.2.9 not in answers [192.0.2.1]", result.Message);
    }

    [Fact]
    public async Task MatchAnyNeedsOneExpectedValue()
    {
        _server.AddA("example.test", "192.0.2.1");

        var result = await RunAsync("A", "example.test", ["192.0.2.9", "192.0.2.1"]);

        Assert.True(result.IsUp, result.Message);
    }

    [Fact]
    public async Task MatchAllNeedsEveryExpectedValue()
    {
        _server.AddA("example.test", "192.0.2.1").AddA("example.test", "192.0.2.2");

        var partial = await RunAsync("A", "example.test", ["192.0.2.1", "192.0.2.3"], matchAll: true);
        var complete = await RunAsync("A", "example.test", ["192.0.2.2", "192.0.2.1"], matchAll: true);

        Assert.False(partial.IsUp);
        Assert.Equal("expected 192.0.2.3 not in answers [192.0.2.1, 192.0.2.2]", partial.Message);
        Assert.True(complete.IsUp, complete.Message);
    }

    [Fact]
    public async Task EmptyExpectedAcceptsAnyAnswer()
    {
        _server.AddA("example.test", "192.0.2.7");

        var result = await RunAsync("A", "example.test", []);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("A example.test: 192.0.2.7", result.Message);
    }

    [Fact]
    public async Task EveryProbeAsksTheServerAgain()
    {
        _server.AddA("example.test", "192.0.2.1");

        await RunAsync("A", "example.test", []);
        await RunAsync("A", "example.test", []);

        Assert.Equal(2, _server.QueriesReceived);
    }

    [Fact]
    public async Task AaaaRecordMatchesAnEquivalentAddress()
    {
        _server.AddAaaa("example.test", "2001:db8::1");

        var result = await RunAsync("AAAA", "example.test", ["2001:0DB8:0:0::1"]);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("AAAA example.test: 2001:db8::1", result.Message);
    }

    [Fact]
    public async Task CnameTargetMatchesIgnoringCaseAndTrailingDot()
    {
        _server.AddCname("www.example.test", "target.example.test.");

        var result = await RunAsync("CNAME", "www.example.test", ["Target.Example.Test."]);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("CNAME www.example.test: target.example.test", result.Message);
    }

    [Fact]
    public async Task AddressQueryThroughAliasCountsOnlyAddresses()
    {
        _server.AddCname("www.example.test", "host.example.test").AddA("host.example.test", "192.0.2.5");

        var result = await RunAsync("A", "www.example.test", ["192.0.2.5"]);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("A www.example.test: 192.0.2.5", result.Message);
    }

    [Theory]
    [InlineData("10 mail.example.test")]
    [InlineData("10 mail.example.test.")]
    [InlineData("MAIL.example.test")]
    [InlineData("mail.example.test.")]
    public async Task MxMatchesPreferenceWithExchangeOrExchangeAlone(string expected)
    {
        _server.AddMx("example.test", 10, "mail.example.test").AddMx("example.test", 20, "backup.example.test");

        var result = await RunAsync("MX", "example.test", [expected]);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("MX example.test: 10 mail.example.test, 20 backup.example.test", result.Message);
    }

    [Fact]
    public async Task MxPreferenceMustMatchWhenGiven()
    {
        _server.AddMx("example.test", 10, "mail.example.test");

        var result = await RunAsync("MX", "example.test", ["20 mail.example.test"]);

        Assert.False(result.IsUp);
        Assert.Equal("expected 20 mail.example.test not in answers [10 mail.example.test]", result.Message);
    }

    [Fact]
    public async Task TxtRecordStringsAreJoined()
    {
        _server.AddTxt("example.test", "v=spf1 ", "include:mail.example.test -all").AddTxt("example.test", "site-verification=abc");

        var result = await RunAsync("TXT", "example.test", ["V=SPF1 include:mail.example.test -all"]);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("TXT example.test: v=spf1 include:mail.example.test -all, site-verification=abc", result.Message);
    }

    [Fact]
    public async Task NsRecordIsAnsweredAndMatched()
    {
        _server.AddNs("example.test", "ns1.example.test.").AddNs("example.test", "ns2.example.test.");

        var result = await RunAsync("NS", "example.test", ["ns2.example.test", "ns1.example.test."], matchAll: true);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("NS example.test: ns1.example.test, ns2.example.test", result.Message);
    }

    [Fact]
    public async Task SoaRecordIsAnsweredAsPrimaryMailboxAndSerial()
    {
        _server.AddSoa("example.test", "ns1.example.test", "hostmaster.example.test", 2024010101);

        var result = await RunAsync("SOA", "example.test", ["ns1.example.test. hostmaster.example.test. 2024010101"]);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("SOA example.test: ns1.example.test hostmaster.example.test 2024010101", result.Message);
    }

    [Theory]
    [InlineData("0 issue letsencrypt.org")]
    [InlineData("0 ISSUE \"letsencrypt.org\"")]
    public async Task CaaRecordIsAnsweredAsFlagsTagValue(string expected)
    {
        _server.AddCaa("example.test", 0, "issue", "letsencrypt.org").AddCaa("example.test", 128, "iodef", "mailto:security@example.test");

        var result = await RunAsync("CAA", "example.test", [expected]);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("CAA example.test: 0 issue letsencrypt.org, 128 iodef mailto:security@example.test", result.Message);
    }

    [Fact]
    public async Task UnknownNameIsNxdomain()
    {
        _server.AddA("example.test", "192.0.2.1");

        var result = await RunAsync("A", "missing.example.test", []);

        Assert.False(result.IsUp);
        Assert.Equal("NXDOMAIN", result.Status);
        Assert.Equal("NXDOMAIN for missing.example.test", result.Message);
    }

    [Fact]
    public async Task NameWithoutRecordsOfTheTypeIsDown()
    {
        _server.AddA("example.test", "192.0.2.1");

        var result = await RunAsync("MX", "example.test", []);

        Assert.False(result.IsUp);
        Assert.Equal("NOERROR", result.Status);
        Assert.Equal("no MX records for example.test", result.Message);
    }

    [Fact]
    public async Task ServerSlowerThanTheTimeoutTimesOut()
    {
        _server.AddA("example.test", "192.0.2.1");
        _server.Delay = TimeSpan.FromSeconds(3);

        var result = await RunAsync("A", "example.test", [], timeout: TimeSpan.FromSeconds(1));

        Assert.False(result.IsUp);
        Assert.Equal("TIMEOUT", result.Status);
        Assert.Equal("DNS query timed out after 1 s", result.Message);
        Assert.InRange(result.LatencyMs, 900, 2500);
        Assert.True(_server.QueriesReceived >= 1, "the slow server never saw the query");
    }

    [Fact]
    public async Task ClosedResolverPortIsDownAsTimeout()
    {
        var request = Request("A", "example.test", [], resolver: $"127.0.0.1:{LocalDnsServer.ClosedPort()}", timeout: TimeSpan.FromSeconds(1));

        var result = await _probe.RunAsync(request, CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("TIMEOUT", result.Status);
        Assert.Equal("DNS query timed out after 1 s", result.Message);
        Assert.InRange(result.LatencyMs, 900, 2500);
    }

    [Fact]
    public async Task MissingDnsSettingsAreDown()
    {
        var request = Request("A", "example.test", []) with { Dns = null };

        var result = await _probe.RunAsync(request, CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Contains("DNS settings are missing", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSettingsAreDownWithoutAsking()
    {
        var result = await RunAsync("PTR", "example.test", []);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.StartsWith("Invalid DNS settings: recordType must be one of", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.QueriesReceived);
    }

    [Fact]
    public async Task CallerCancellationThrows()
    {
        _server.AddA("example.test", "192.0.2.1");
        _server.Delay = TimeSpan.FromSeconds(3);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _probe.RunAsync(Request("A", "example.test", []), cancel.Token));
    }

    private Task<ProbeResult> RunAsync(string recordType, string name, string[] expected, bool matchAll = false, TimeSpan? timeout = null) =>
        _probe.RunAsync(Request(recordType, name, expected, matchAll, _server.Endpoint, timeout), CancellationToken.None);

    private ProbeRequest Request(string recordType, string name, string[] expected, bool matchAll = false, string? resolver = null, TimeSpan? timeout = null) =>
        new(MonitorType.Dns, name, null, "GET", new Dictionary<string, string>(), null, StatusCodeRanges.Default, timeout ?? TimeSpan.FromSeconds(5))
        {
            Dns = new DnsCheck(recordType, name, resolver ?? _server.Endpoint, expected, matchAll),
        };
}
