using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Tests.Probes;

public sealed class DnsCheckRulesTests
{
    [Fact]
    public void ValidCheckIsNormalized()
    {
        var check = new DnsCheck(" mx ", " Example.Test. ", " 127.0.0.1:5353 ", [" 10 mail.example.test ", "", "10 MAIL.example.test", "20 backup.example.test"], true);

        Assert.True(DnsCheckRules.TryNormalize(check, out var normalized, out var errors), string.Join("; ", errors.Values));

        Assert.Empty(errors);
        Assert.Equal("MX", normalized.RecordType);
        Assert.Equal("Example.Test", normalized.Name);
        Assert.Equal("127.0.0.1:5353", normalized.Resolver);
        Assert.Equal(["10 mail.example.test", "20 backup.example.test"], normalized.Expected);
        Assert.True(normalized.MatchAll);
    }

    [Fact]
    public void EverySupportedRecordTypeIsAccepted()
    {
        Assert.Equal(["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "CAA"], DnsRecordTypes.Names);
        foreach (var type in DnsRecordTypes.Names)
        {
            Assert.True(DnsCheckRules.TryNormalize(Check(recordType: type.ToLowerInvariant()), out var normalized, out _), type);
            Assert.Equal(type, normalized.RecordType);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("PTR")]
    [InlineData("SRV")]
    [InlineData("ANY")]
    public void UnsupportedRecordTypeIsRejected(string recordType)
    {
        var errors = Rejected(Check(recordType: recordType));

        Assert.Equal(["recordType"], errors.Keys);
        Assert.Equal("recordType must be one of A, AAAA, CNAME, MX, TXT, NS, SOA, CAA", errors["recordType"]);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("example.test.")]
    [InlineData("_dmarc.example.test")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("a-b.c--d.example")]
    [InlineData("1.2.3.4")]
    public void SyntacticallyValidNameIsAccepted(string name) =>
        Assert.True(DnsCheckRules.TryNormalize(Check(name: name), out _, out _), name);

    [Fact]
    public void NameAndLabelLimitsAreInclusive()
    {
        var label63 = new string('a', 63);
        var name253 = string.Join('.', label63, label63, label63, new string('b', 61));

        Assert.True(DnsCheckRules.TryNormalize(Check(name: label63 + ".test"), out _, out _));
        Assert.True(DnsCheckRules.TryNormalize(Check(name: name253 + "."), out var normalized, out _));
        Assert.Equal(name253, normalized.Name);
        Assert.Equal(["name"], Rejected(Check(name: new string('a', 64) + ".test")).Keys);
        Assert.Equal(["name"], Rejected(Check(name: name253 + "b")).Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("a..example")]
    [InlineData(".example.test")]
    [InlineData("-a.example")]
    [InlineData("a-.example")]
    [InlineData("exa mple.test")]
    [InlineData("ex*ample.test")]
    [InlineData("exämple.test")]
    [InlineData("http://example.test")]
    public void InvalidNameIsRejected(string name) =>
        Assert.Equal(["name"], Rejected(Check(name: name)).Keys);

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("1.1.1.1", "1.1.1.1")]
    [InlineData(" 8.8.8.8 ", "8.8.8.8")]
    [InlineData("127.0.0.1:5353", "127.0.0.1:5353")]
    [InlineData("127.0.0.1:53", "127.0.0.1:53")]
    [InlineData("10.0.0.1:65535", "10.0.0.1:65535")]
    [InlineData("::1", "::1")]
    [InlineData("[::1]", "::1")]
    [InlineData("[::1]:53", "[::1]:53")]
    [InlineData("[2001:DB8::1]:5353", "[2001:db8::1]:5353")]
    public void ResolverAddressWithOptionalPortIsAccepted(string? resolver, string? expected)
    {
        Assert.True(DnsCheckRules.TryNormalize(Check(resolver: resolver), out var normalized, out var errors), string.Join("; ", errors.Values));
        Assert.Equal(expected, normalized.Resolver);
    }

    [Theory]
    [InlineData("dns.example.test")]
    [InlineData("1.1.1")]
    [InlineData("127.1")]
    [InlineData("256.1.1.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1.1.1.1:0")]
    [InlineData("1.1.1.1:65536")]
    [InlineData("1.1.1.1:")]
    [InlineData("1.1.1.1:dns")]
    [InlineData("[::1")]
    [InlineData("[::1]:")]
    [InlineData("[::1]53")]
    [InlineData("[1.1.1.1]:53")]
    [InlineData("udp://1.1.1.1")]
    public void MalformedResolverIsRejected(string resolver) =>
        Assert.Equal(["resolver"], Rejected(Check(resolver: resolver)).Keys);

    [Fact]
    public void ResolverDefaultsToPortFiftyThree()
    {
        Assert.True(DnsCheckRules.TryParseResolver("192.0.2.53", out var v4));
        Assert.True(DnsCheckRules.TryParseResolver("[::1]", out var v6));

        Assert.Equal("192.0.2.53:53", v4.ToString());
        Assert.Equal("[::1]:53", v6.ToString());
    }

    [Fact]
    public void TwentyExpectedValuesOfTwoHundredFiftyFiveCharactersAreAccepted()
    {
        var expected = Enumerable.Range(0, 20).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 252)).ToArray();

        Assert.True(DnsCheckRules.TryNormalize(Check(expected: expected), out var normalized, out _));
        Assert.Equal(expected, normalized.Expected);
    }

    [Fact]
    public void MoreThanTwentyExpectedValuesAreRejected()
    {
        var errors = Rejected(Check(expected: Enumerable.Range(1, 21).Select(i => $"192.0.2.{i}").ToArray()));

        Assert.Equal(["expected"], errors.Keys);
        Assert.Equal("expected may list at most 20 values", errors["expected"]);
    }

    [Fact]
    public void ExpectedValueLongerThanTwoHundredFiftyFiveCharactersIsRejected()
    {
        var errors = Rejected(Check(expected: ["192.0.2.1", new string('x', 256)]));

        Assert.Equal(["expected"], errors.Keys);
        Assert.Equal("each expected value must be at most 255 characters", errors["expected"]);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var errors = Rejected(new DnsCheck("PTR", "-bad-", "nowhere", Enumerable.Repeat("x", 21).ToArray(), false));

        Assert.Equal(["expected", "name", "recordType", "resolver"], errors.Keys.Order(StringComparer.Ordinal));
    }

    private static DnsCheck Check(string recordType = "A", string name = "example.test", string? resolver = null, string[]? expected = null) =>
        new(recordType, name, resolver, expected ?? [], false);

    private static IReadOnlyDictionary<string, string> Rejected(DnsCheck check)
    {
        Assert.False(DnsCheckRules.TryNormalize(check, out var normalized, out var errors));
        Assert.Same(check, normalized);
        return errors;
    }
}
