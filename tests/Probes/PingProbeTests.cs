using System.Text.RegularExpressions;
using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Tests.Probes;

/// <summary>Real ICMP echo to the loopback addresses. These need CAP_NET_RAW (root) or a ping utility: without either they fail, by design.</summary>
public sealed partial class PingProbeTests
{
    private readonly PingProbe _probe = new();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task LoopbackAddressAnswersEcho(string address)
    {
        var result = await _probe.RunAsync(ProbeRequests.Ping(address), CancellationToken.None);

        Assert.True(result.IsUp, $"{result.Status}: {result.Message}");
        Assert.Equal("ALIVE", result.Status);
        var match = ReplyLine().Match(result.Message);
        Assert.True(match.Success, result.Message);
        Assert.Equal(address, match.Groups["address"].Value);
        Assert.Equal(result.LatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["ms"].Value);
        Assert.InRange(result.LatencyMs, 0, 5_000);
    }

    [Fact]
    public async Task HostNameIsResolvedBeforeTheEcho()
    {
        var result = await _probe.RunAsync(ProbeRequests.Ping("localhost"), CancellationToken.None);

        Assert.True(result.IsUp, $"{result.Status}: {result.Message}");
        Assert.Matches(ReplyLine(), result.Message);
    }

    [Fact]
    public async Task UnresolvableNameIsDownWithDnsFailure()
    {
        var result = await _probe.RunAsync(ProbeRequests.Ping("no-such-host.invalid"), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal("DNS lookup failed for no-such-host.invalid", result.Message);
    }

    [Fact]
    public async Task EmptyTargetIsDownWithoutSending()
    {
        var result = await _probe.RunAsync(ProbeRequests.Ping("  "), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal("A host name or IP address is required", result.Message);
    }

    [Fact]
    public void ProbeHandlesPingMonitors() => Assert.Equal(MonitorType.Ping, _probe.Type);

    [GeneratedRegex(@"^Reply from (?<address>\S+) in (?<ms>\d+) ms$")]
    private static partial Regex ReplyLine();
}
