using OrleansMonitor.Grains.Monitors;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>The one rule by which an edit from any dialect changes a configuration: given settings replace, the rest is kept.</summary>
public sealed class MonitorConfigOverlayTests
{
    private static readonly SyntheticAssertion BodyContainsOk = new(SyntheticAssertionKind.BodyContains, null, "ok");

    private static MonitorConfig Http() => new()
    {
        Name = "Site",
        Type = MonitorType.Http,
        Url = "https://example.test/",
        Method = "POST",
        Headers = new Dictionary<string, string> { ["X-Probe"] = "yes" },
        Body = """{"ping":true}""",
        ValidStatusCodes = ["200-299"],
        Interval = 30,
        RetryInterval = 25,
        RequestTimeout = 10,
        Assertions = [BodyContainsOk],
    };

    private static MonitorConfig Apply(MonitorConfig? current, MonitorConfigPatch patch)
    {
        Assert.True(MonitorConfigOverlay.TryApply(current, patch, out var config, out var errors), string.Join(", ", errors));
        return config;
    }

    [Fact]
    public void AnEmptyPatchKeepsEverySetting()
    {
        var current = Http();

        Assert.Equal(current, Apply(current, new MonitorConfigPatch()));
    }

    [Fact]
    public void GivenSettingsReplaceAndTheRestIsKept()
    {
        var current = Http();

        var edited = Apply(current, new MonitorConfigPatch { Name = "Renamed", Interval = 45 });

        Assert.Equal("Renamed", edited.Name);
        Assert.Equal(45, edited.Interval);
        Assert.Equal(25, edited.RetryInterval);
        Assert.Equal(10, edited.RequestTimeout);
        Assert.Equal("POST", edited.Method);
        Assert.Same(current.Headers, edited.Headers);
        Assert.Same(current.Assertions, edited.Assertions);
        Assert.Equal(current.Body, edited.Body);
    }

    [Fact]
    public void AnEmptyListRemovesTheAssertions() =>
        Assert.Empty(Apply(Http(), new MonitorConfigPatch { Assertions = [] }).Assertions!);

    [Fact]
    public void ANewMonitorNeedsAType()
    {
        Assert.False(MonitorConfigOverlay.TryApply(null, new MonitorConfigPatch { Name = "Typeless" }, out _, out var errors));
        Assert.Equal([MonitorField.Type], errors.Keys);
    }

    [Fact]
    public void ANewMonitorStartsFromTheDefaults()
    {
        var created = Apply(null, new MonitorConfigPatch { Name = "Site", Type = MonitorType.Http, Url = "https://example.test/" });

        Assert.Equal(MonitorConfigOverlay.DefaultInterval, created.Interval);
        Assert.Equal(MonitorConfigOverlay.DefaultInterval, created.RetryInterval);
        Assert.Equal(MonitorConfigOverlay.DefaultRequestTimeout, created.RequestTimeout);
        Assert.Null(created.Assertions);
    }

    [Fact]
    public void AChangeOfKindDropsTheSettingsOfTheOldKindButKeepsTimings()
    {
        var tcp = Apply(Http(), new MonitorConfigPatch { Type = MonitorType.Tcp, Url = "127.0.0.1", Port = 5432 });

        Assert.Null(tcp.Method);
        Assert.Null(tcp.Headers);
        Assert.Null(tcp.Assertions);
        Assert.Equal(30, tcp.Interval);
        Assert.Equal(25, tcp.RetryInterval);
        Assert.True(MonitorConfigRules.TryNormalize(tcp, out _, out var errors), string.Join(", ", errors));
    }

    [Fact]
    public void ADnsMonitorGivenOnlyAHostAsksForItsARecordAndTakesAnyAnswer()
    {
        var created = Apply(null, new MonitorConfigPatch { Name = "Names", Type = MonitorType.Dns, Url = "app.example.test" });

        Assert.Equal("A", created.Dns!.RecordType);
        Assert.Equal("app.example.test", created.Dns.Name);
        Assert.Null(created.Dns.Resolver);
        Assert.Empty(created.Dns.Expected);
        Assert.False(created.Dns.MatchAll);
        Assert.True(MonitorConfigRules.TryNormalize(created, out var normalized, out var errors), string.Join(", ", errors));
        Assert.Equal("app.example.test", normalized.Url);
    }

    [Fact]
    public void DnsSettingsAreRefinedPartByPart()
    {
        var current = Apply(null, new MonitorConfigPatch
        {
            Name = "Mail",
            Type = MonitorType.Dns,
            Dns = new DnsCheckPatch("MX", "example.test", "127.0.0.1:5353", ["mail.example.test"], true),
        });

        var refined = Apply(current, new MonitorConfigPatch { Dns = new DnsCheckPatch(Expected: ["mx.example.test"]) });
        var systemResolver = Apply(refined, new MonitorConfigPatch { Dns = new DnsCheckPatch(Resolver: "") });
        var renamed = Apply(refined, new MonitorConfigPatch { Url = "example.org" });

        Assert.Equal("MX", refined.Dns!.RecordType);
        Assert.Equal("example.test", refined.Dns.Name);
        Assert.Equal("127.0.0.1:5353", refined.Dns.Resolver);
        Assert.Equal(["mx.example.test"], refined.Dns.Expected);
        Assert.True(refined.Dns.MatchAll);
        Assert.Null(systemResolver.Dns!.Resolver);
        Assert.Equal("example.org", renamed.Dns!.Name);
    }

    [Fact]
    public void ADnsMonitorGivenNothingToQueryIsLeftForTheRulesToRefuse()
    {
        var created = Apply(null, new MonitorConfigPatch { Name = "Names", Type = MonitorType.Dns });

        Assert.Null(created.Dns);
        Assert.False(MonitorConfigRules.TryNormalize(created, out _, out var errors));
        Assert.True(errors.ContainsKey(MonitorField.Dns));
    }

    [Fact]
    public void AHeartbeatMonitorGivenNoSettingsExpectsABeatAMinuteWithAMinuteOfGrace()
    {
        var created = Apply(null, new MonitorConfigPatch { Name = "Cron", Type = MonitorType.Heartbeat });

        Assert.Equal(new HeartbeatCheck(60, 60, ""), created.Heartbeat);
    }

    [Fact]
    public void AHeartbeatMonitorKeepsItsTokenAndGraceWhenItsIntervalChanges()
    {
        var current = Apply(null, new MonitorConfigPatch { Name = "Cron", Type = MonitorType.Heartbeat, Heartbeat = new HeartbeatPatch(3600, 300) }) with
        {
            Heartbeat = new HeartbeatCheck(3600, 300, "secret"),
        };

        var byInterval = Apply(current, new MonitorConfigPatch { Interval = 600 });
        var byHeartbeat = Apply(current, new MonitorConfigPatch { Interval = 600, Heartbeat = new HeartbeatPatch(IntervalSeconds: 1200) });

        Assert.Equal(new HeartbeatCheck(600, 300, "secret"), byInterval.Heartbeat);
        Assert.Equal(new HeartbeatCheck(1200, 300, "secret"), byHeartbeat.Heartbeat);
    }
}
