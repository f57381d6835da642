using OrleansMonitor.Grains.Probes.Egress;

namespace OrleansMonitor.Tests.Probes.Egress;

/// <summary>The 422 field error a monitor's create or edit answers with when its target is a literal address the policy refuses.</summary>
public sealed class RefusalForTests
{
    private static readonly EgressPolicy DenyAlias = new(new EgressOptions { Deny = ["127.0.0.2/32"] });

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", "169.254.169.254 (denied range 169.254.0.0/16)")]
    [InlineData("  https://169.254.169.254:8443/  ", "169.254.169.254 (denied range 169.254.0.0/16)")]
    [InlineData("http://2852039166/", "169.254.169.254 (denied range 169.254.0.0/16)")]
    [InlineData("http://0xA9FEA9FE/", "169.254.169.254 (denied range 169.254.0.0/16)")]
    [InlineData("http://[fe80::1]:8080/", "fe80::1 (denied range fe80::/10)")]
    [InlineData("http://[::ffff:169.254.169.254]/", "::ffff:169.254.169.254 (denied range 169.254.0.0/16)")]
    [InlineData("http://0.0.0.0:8080/", "0.0.0.0 (denied range 0.0.0.0/8)")]
    [InlineData("http://127.0.0.2:8080/health", "127.0.0.2 (denied range 127.0.0.2/32)")]
    public void HttpUrlWithADeniedLiteralHostIsAUrlError(string url, string refused)
    {
        var errors = DenyAlias.RefusalFor(Config(MonitorType.Http, url));

        var (field, message) = Assert.Single(Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(errors));
        Assert.Equal("url", field);
        Assert.Equal($"Egress policy refuses {refused}", message);
    }

    [Theory]
    [InlineData(MonitorType.Tcp, "127.0.0.2", "127.0.0.2 (denied range 127.0.0.2/32)")]
    [InlineData(MonitorType.Tcp, " 169.254.169.254 ", "169.254.169.254 (denied range 169.254.0.0/16)")]
    [InlineData(MonitorType.Ping, "169.254.169.254", "169.254.169.254 (denied range 169.254.0.0/16)")]
    [InlineData(MonitorType.Ping, "[fe80::1]", "fe80::1 (denied range fe80::/10)")]
    [InlineData(MonitorType.Ping, "0.0.0.0", "0.0.0.0 (denied range 0.0.0.0/8)")]
    public void TcpOrPingHostThatIsADeniedLiteralIsAUrlError(MonitorType type, string host, string refused)
    {
        var errors = DenyAlias.RefusalFor(Config(type, host, port: type == MonitorType.Tcp ? 5432 : null));

        Assert.Equal(new Dictionary<string, string> { ["url"] = $"Egress policy refuses {refused}" }, errors);
    }

    [Theory]
    [InlineData("169.254.169.253", "169.254.169.253 (denied range 169.254.0.0/16)")]
    [InlineData("127.0.0.2:5353", "127.0.0.2 (denied range 127.0.0.2/32)")]
    [InlineData("[fe80::53]:53", "fe80::53 (denied range fe80::/10)")]
    public void DnsResolverThatIsADeniedAddressIsADnsResolverError(string resolver, string refused)
    {
        var errors = DenyAlias.RefusalFor(Dns(resolver));

        Assert.Equal(new Dictionary<string, string> { ["dns.resolver"] = $"Egress policy refuses {refused}" }, errors);
    }

    [Theory]
    [InlineData(MonitorType.Http, "http://127.0.0.1:8080/")]
    [InlineData(MonitorType.Http, "https://[::1]/")]
    [InlineData(MonitorType.Http, "https://10.0.0.5/")]
    [InlineData(MonitorType.Http, "http://metadata.google.internal/computeMetadata/v1/")]
    [InlineData(MonitorType.Http, "http://169.254.169.254.nip.io/")]
    [InlineData(MonitorType.Http, "not a url")]
    [InlineData(MonitorType.Tcp, "192.168.1.10")]
    [InlineData(MonitorType.Tcp, "db.internal")]
    [InlineData(MonitorType.Ping, "localhost")]
    [InlineData(MonitorType.Ping, "8.8.8.8")]
    [InlineData(MonitorType.Heartbeat, "")]
    public void AllowedLiteralsAndHostNamesAreNoError(MonitorType type, string target)
    {
        Assert.Null(DenyAlias.RefusalFor(Config(type, target)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1.1.1.1")]
    [InlineData("127.0.0.1:5353")]
    [InlineData("dns.google")]
    public void DnsMonitorWithoutADeniedResolverIsNoError(string? resolver)
    {
        Assert.Null(DenyAlias.RefusalFor(Dns(resolver)));
        Assert.Null(DenyAlias.RefusalFor(Config(MonitorType.Dns, "example.com")));
    }

    [Fact]
    public void AllowedDefaultRangeIsNoErrorEither()
    {
        var policy = new EgressPolicy(new EgressOptions { Allow = ["169.254.169.254"] });

        Assert.Null(policy.RefusalFor(Config(MonitorType.Http, "http://169.254.169.254/")));
        Assert.NotNull(policy.RefusalFor(Config(MonitorType.Http, "http://169.254.1.1/")));
    }

    private static MonitorConfig Config(MonitorType type, string url, int? port = null) => new()
    {
        Name = "egress",
        Type = type,
        Url = url,
        Port = port,
        Interval = 60,
        RetryInterval = 60,
        RequestTimeout = 30,
    };

    private static MonitorConfig Dns(string? resolver) =>
        Config(MonitorType.Dns, "example.com") with { Dns = new DnsCheck("A", "example.com", resolver, [], false) };
}
