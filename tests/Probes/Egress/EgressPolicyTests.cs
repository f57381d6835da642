using System.Net;
using OrleansMonitor.Grains.Probes.Egress;

namespace OrleansMonitor.Tests.Probes.Egress;

public sealed class EgressPolicyTests
{
    [Theory]
    [InlineData("169.254.169.254", "169.254.0.0/16")]
    [InlineData("169.254.0.1", "169.254.0.0/16")]
    [InlineData("fe80::1", "fe80::/10")]
    [InlineData("febf:ffff::1", "fe80::/10")]
    [InlineData("0.0.0.0", "0.0.0.0/8")]
    [InlineData("0.1.2.3", "0.0.0.0/8")]
    [InlineData("::", "::/128")]
    [InlineData("fd00:ec2::254", "fd00:ec2::254/128")]
    [InlineData("100.100.100.200", "100.100.100.200/32")]
    public void DefaultsDenyLinkLocalUnspecifiedAndMetadataAddresses(string address, string range)
    {
        var policy = EgressPolicy.Default;

        Assert.False(policy.IsAllowed(IPAddress.Parse(address)));
        Assert.False(policy.IsAllowed(IPAddress.Parse(address), out var reason));
        Assert.Equal($"Egress policy refuses {address} (denied range {range})", reason);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("fd00::1")]
    [InlineData("fd00:ec2::253")]
    [InlineData("fec0::1")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::2")]
    public void DefaultsAllowLoopbackPrivateAndPublicAddresses(string address)
    {
        Assert.True(EgressPolicy.Default.IsAllowed(IPAddress.Parse(address), out var reason), reason);
        Assert.Null(EgressPolicy.Default.Refusal(IPAddress.Parse(address)));
    }

    [Fact]
    public void ConfiguredDenyAddsToTheDefaults()
    {
        var policy = Policy(deny: ["10.0.0.0/8", "fc00::/7"]);

        Assert.Equal("Egress policy refuses 10.1.2.3 (denied range 10.0.0.0/8)", policy.Refusal(IPAddress.Parse("10.1.2.3")));
        Assert.Equal("Egress policy refuses fd12::1 (denied range fc00::/7)", policy.Refusal(IPAddress.Parse("fd12::1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("169.254.169.254")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("11.0.0.1")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("127.0.0.1")));
    }

    [Fact]
    public void ConfiguredDenyWinsOverAllow()
    {
        var policy = Policy(deny: ["127.0.0.2/32", "10.0.0.0/8"], allow: ["127.0.0.0/8", "10.1.0.0/16"]);

        Assert.Equal("Egress policy refuses 127.0.0.2 (denied range 127.0.0.2/32)", policy.Refusal(IPAddress.Parse("127.0.0.2")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("10.1.2.3")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("127.0.0.1")));
    }

    [Fact]
    public void AllowLiftsAnAddressOutOfTheDefaultDenyRangesOnly()
    {
        var policy = Policy(allow: ["169.254.169.0/24", "fe80::1"]);

        Assert.True(policy.IsAllowed(IPAddress.Parse("169.254.169.254")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("fe80::1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("169.254.1.1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("fe80::2")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("0.0.0.0")));
    }

    [Fact]
    public void IPv4MappedAddressesAreJudgedAsTheirIPv4Address()
    {
        var policy = Policy(deny: ["127.0.0.2/32"], allow: ["169.254.169.254"]);

        Assert.Equal(
            "Egress policy refuses ::ffff:169.254.1.1 (denied range 169.254.0.0/16)",
            EgressPolicy.Default.Refusal(IPAddress.Parse("::ffff:169.254.1.1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("::ffff:127.0.0.2")));
        Assert.False(EgressPolicy.Default.IsAllowed(IPAddress.Parse("::ffff:0.0.0.0")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("::ffff:169.254.169.254")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("::ffff:127.0.0.1")));
    }

    [Fact]
    public void MappedRangesAreTheIPv4RangesTheyMap()
    {
        var policy = Policy(deny: ["::ffff:10.0.0.0/104"]);

        Assert.Equal("10.0.0.0/8", Assert.Single(policy.Deny).ToString());
        Assert.False(policy.IsAllowed(IPAddress.Parse("10.9.9.9")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("::ffff:10.9.9.9")));
    }

    [Fact]
    public void IPv6RangesDoNotCoverIPv4Addresses()
    {
        var policy = Policy(deny: ["::/0"]);

        Assert.False(policy.IsAllowed(IPAddress.Parse("2001:db8::1")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("192.0.2.1")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("::ffff:192.0.2.1")));
    }

    [Fact]
    public void BareAddressesAreSingleAddressRanges()
    {
        var policy = Policy(deny: ["192.0.2.7", " 2001:db8::7 "]);

        Assert.Equal(["192.0.2.7/32", "2001:db8::7/128"], policy.Deny.Select(range => range.ToString()));
        Assert.False(policy.IsAllowed(IPAddress.Parse("192.0.2.7")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("192.0.2.8")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("2001:db8::7")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("2001:db8::8")));
    }

    [Fact]
    public void ScopedLinkLocalAddressesAreStillLinkLocal()
    {
        var scoped = IPAddress.Parse("fe80::1");
        scoped.ScopeId = 2;

        Assert.False(EgressPolicy.Default.IsAllowed(scoped));
    }

    [Theory]
    [InlineData("10.1.2.3/8", "10.0.0.0/8")]
    [InlineData("192.168.1.77/24", "192.168.1.0/24")]
    [InlineData("fe80::1234/10", "fe80::/10")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("::ffff:0:0/96", "0.0.0.0/0")]
    public void HostBitsBelowThePrefixAreCleared(string text, string expected) => Assert.Equal(expected, IpRange.Parse(text).ToString());

    [Theory]
    [InlineData("10.0.0/8")]
    [InlineData("10/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("0x0a.0.0.0/8")]
    [InlineData("256.0.0.0/8")]
    [InlineData("fd00::/129")]
    [InlineData("fe80::1%eth0")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    [InlineData("")]
    public void UnparsableRangesAreRefusedNamingTheSetting(string entry)
    {
        Assert.False(IpRange.TryParse(entry, out _));

        var deny = Assert.Throws<ArgumentException>(() => Policy(deny: [entry]));
        var allow = Assert.Throws<ArgumentException>(() => Policy(deny: ["10.0.0.0/8"], allow: ["192.0.2.0/24", entry]));

        Assert.StartsWith($"Probes:Egress:Deny:0 is '{entry}', which is not a CIDR range", deny.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Probes:Egress:Allow:1 is '{entry}', which is not a CIDR range", allow.Message, StringComparison.Ordinal);
    }

    private static EgressPolicy Policy(string[]? deny = null, string[]? allow = null) =>
        new(new EgressOptions { Deny = [.. deny ?? []], Allow = [.. allow ?? []] });
}
