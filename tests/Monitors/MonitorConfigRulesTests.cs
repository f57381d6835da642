using OrleansMonitor.Grains.Monitors;

namespace OrleansMonitor.Tests.Monitors;

public sealed class MonitorConfigRulesTests
{
    private static MonitorConfig Http() => new()
    {
        Name = "Lunalytics",
        Type = MonitorType.Http,
        Url = "https://example.test/api/status",
        Method = "get",
        ValidStatusCodes = ["200-299"],
        Interval = 30,
        RetryInterval = 30,
        RequestTimeout = 30,
    };

    private static MonitorConfig Tcp() => new()
    {
        Name = "Database",
        Type = MonitorType.Tcp,
        Url = "127.0.0.1",
        Port = 5432,
        Interval = 30,
        RetryInterval = 30,
        RequestTimeout = 30,
    };

    private static IReadOnlyDictionary<string, string> ErrorsOf(MonitorConfig config)
    {
        MonitorConfigRules.TryNormalize(config, out _, out var errors);
        return errors;
    }

    [Fact]
    public void ValidHttpMonitorIsNormalized()
    {
        Assert.True(MonitorConfigRules.TryNormalize(Http(), out var normalized, out var errors), string.Join(", ", errors));
        Assert.Equal("GET", normalized.Method);
        Assert.Equal(["200-299"], normalized.ValidStatusCodes);
        Assert.Null(normalized.Port);
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void IntervalAndRetryIntervalAreBoundedInclusively(int seconds, bool accepted)
    {
        Assert.Equal(!accepted, ErrorsOf(Http() with { Interval = seconds }).ContainsKey("interval"));
        Assert.Equal(!accepted, ErrorsOf(Http() with { RetryInterval = seconds }).ContainsKey("retryInterval"));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void RequestTimeoutIsBoundedInclusively(int seconds, bool accepted) =>
        Assert.Equal(!accepted, ErrorsOf(Http() with { RequestTimeout = seconds }).ContainsKey("requestTimeout"));

    [Theory]
    [InlineData("ab", false)]
    [InlineData("abc", true)]
    [InlineData("   ab   ", false)]
    public void NameIsThreeToSixtyFourCharacters(string name, bool accepted)
    {
        Assert.Equal(!accepted, ErrorsOf(Http() with { Name = name }).ContainsKey("name"));
        Assert.True(ErrorsOf(Http() with { Name = new string('x', 65) }).ContainsKey("name"));
        Assert.False(ErrorsOf(Http() with { Name = new string('x', 64) }).ContainsKey("name"));
    }

    [Theory]
    [InlineData("ftp://example.test/")]
    [InlineData("example.test")]
    [InlineData("http://")]
    [InlineData("javascript:alert(1)")]
    public void HttpUrlMustBeHttpOrHttps(string url) =>
        Assert.True(ErrorsOf(Http() with { Url = url }).ContainsKey("url"));

    [Theory]
    [InlineData("TRACE")]
    [InlineData("CONNECT")]
    [InlineData("")]
    public void MethodMustBeOneOfTheDocumentedSeven(string method) =>
        Assert.True(ErrorsOf(Http() with { Method = method }).ContainsKey("method"));

    [Theory]
    [InlineData("localhost")]
    [InlineData("::1")]
    [InlineData("256.1.1.1")]
    [InlineData("127.1")]
    public void TcpHostMustBeIPv4(string host) =>
        Assert.True(ErrorsOf(Tcp() with { Url = host }).ContainsKey("url"));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(65535, true)]
    [InlineData(65536, false)]
    public void TcpPortIsOneTo65535(int port, bool accepted)
    {
        Assert.Equal(!accepted, ErrorsOf(Tcp() with { Port = port }).ContainsKey("port"));
        Assert.True(ErrorsOf(Tcp() with { Port = null }).ContainsKey("port"));
    }

    [Fact]
    public void InvalidStatusCodeRangeIsNamed() =>
        Assert.True(ErrorsOf(Http() with { ValidStatusCodes = ["299-200"] }).ContainsKey("valid_status_codes"));

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0001)]
    [InlineData(0x000A)]
    [InlineData(0x001B)]
    [InlineData(0x007F)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    public void NamesAndUrlsWithControlCharactersOrLoneSurrogatesAreRefused(int code)
    {
        var c = (char)code;
        Assert.True(ErrorsOf(Http() with { Name = $"Lun{c}alytics" }).ContainsKey("name"));
        Assert.True(ErrorsOf(Tcp() with { Name = $"Data{c}base" }).ContainsKey("name"));
        Assert.True(ErrorsOf(Http() with { Url = $"https://example.test/api/{c}status" }).ContainsKey("url"));
    }

    [Fact]
    public void NamesMayHoldAnyPrintableTextIncludingSurrogatePairs()
    {
        Assert.True(MonitorConfigRules.TryNormalize(Http() with { Name = "Café ☕ 🚀 Ünïcode" }, out var normalized, out var errors), string.Join(", ", errors));
        Assert.Equal("Café ☕ 🚀 Ünïcode", normalized.Name);
    }

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0001)]
    [InlineData(0x007F)]
    [InlineData(0xD800)]
    public void HeaderValuesWithControlCharactersAreRefusedButTabsAreNot(int code)
    {
        Assert.True(ErrorsOf(Http() with { Headers = new Dictionary<string, string> { ["X-Token"] = $"ab{(char)code}cd" } }).ContainsKey("headers"));
        Assert.False(ErrorsOf(Http() with { Headers = new Dictionary<string, string> { ["X-Token"] = "ab\tcd" } }).ContainsKey("headers"));
    }

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0xD800)]
    public void BodiesAssertionsAndDnsAnswersWithNulOrLoneSurrogatesAreRefused(int code)
    {
        var c = (char)code;
        Assert.True(ErrorsOf(Http() with { Body = $"{{\"a\":\"{c}\"}}" }).ContainsKey("body"));
        Assert.True(ErrorsOf(Http() with { Assertions = [new SyntheticAssertion(SyntheticAssertionKind.BodyContains, null, $"o{c}k")] }).ContainsKey("assertions[0]"));
        Assert.True(ErrorsOf(Http() with { Assertions = [new SyntheticAssertion(SyntheticAssertionKind.JsonPathEquals, $"$.st{c}atus", "up")] }).ContainsKey("assertions[0]"));
        var dns = new MonitorConfig
        {
            Name = "Mail",
            Type = MonitorType.Dns,
            Url = "",
            Interval = 30,
            RetryInterval = 30,
            RequestTimeout = 30,
            Dns = new DnsCheck("TXT", "example.test", null, [$"v=spf1{c}"], false),
        };
        Assert.True(ErrorsOf(dns).ContainsKey("dns.expected"));
    }

    [Fact]
    public void MultiLineTextIsKeptWhereItBelongs()
    {
        var config = Http() with
        {
            Body = "{\n  \"a\": 1\n}",
            Assertions = [new SyntheticAssertion(SyntheticAssertionKind.BodyContains, null, "line one\nline two")],
        };

        Assert.True(MonitorConfigRules.TryNormalize(config, out _, out var errors), string.Join(", ", errors));
    }
}
