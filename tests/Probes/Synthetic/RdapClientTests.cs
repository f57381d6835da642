using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Probes.Synthetic;
using OrleansMonitor.Tests.Probes;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes.Synthetic;

/// <summary>RDAP lookups against a real loopback RDAP server; the clock is a test clock.</summary>
public sealed class RdapClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2031, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private LoopbackRdapServer? _server;

    private LoopbackRdapServer Server => _server ?? throw new InvalidOperationException("The RDAP server has not started.");

    public async Task InitializeAsync() => _server = await LoopbackRdapServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ExpirationEventOfTheRegistrableDomainIsRead()
    {
        var expires = new DateTimeOffset(2032, 1, 20, 23, 59, 59, TimeSpan.Zero);
        Server.Expires("example.com", expires);

        var expiry = await Client().GetExpiryAsync("WWW.Example.com", CancellationToken.None);

        Assert.Equal(new DomainExpiry("example.com", expires, 311, null), expiry);
        Assert.Equal(["/domain/example.com"], Server.Paths);
    }

    [Fact]
    public async Task BaseUrlMayCarryAPathAndATrailingSlash()
    {
        Server.Expires("example.com", Now.AddDays(100));

        var expiry = await Client(Server.BaseUrl + "/rdap/").GetExpiryAsync("example.com", CancellationToken.None);

        Assert.Equal(100, expiry.DaysLeft);
        Assert.Equal(["/rdap/domain/example.com"], Server.Paths);
    }

    [Fact]
    public async Task AnswerIsReusedUntilCacheForHasPassed()
    {
        Server.Expires("example.com", Now.AddDays(100));
        var client = Client(cacheFor: TimeSpan.FromHours(12));

        var first = await client.GetExpiryAsync("a.example.com", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(11));
        var cached = await client.GetExpiryAsync("b.example.com", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var refreshed = await client.GetExpiryAsync("example.com", CancellationToken.None);

        Assert.Equal(100, first.DaysLeft);
        Assert.Equal(99, cached.DaysLeft);
        Assert.Equal(99, refreshed.DaysLeft);
        Assert.Equal(2, Server.Paths.Count);
    }

    [Fact]
    public async Task FailedLookupIsRetriedAfterFiveMinutes()
    {
        var client = Client();

        var missing = await client.GetExpiryAsync("example.com", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await client.GetExpiryAsync("example.com", CancellationToken.None);
        Server.Expires("example.com", Now.AddDays(50));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var found = await client.GetExpiryAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainExpiry.Unknown("example.com", "RDAP lookup failed (HTTP 404 Not Found)"), missing);
        Assert.Equal(49, found.DaysLeft);
        Assert.Equal(2, Server.Paths.Count);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneRequest()
    {
        Server.Expires("example.com", Now.AddDays(30));
        Server.Delay = TimeSpan.FromMilliseconds(300);
        var client = Client();

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetExpiryAsync("example.com", CancellationToken.None)));

        Assert.All(all, expiry => Assert.Equal(30, expiry.DaysLeft));
        Assert.Single(Server.Paths);
    }

    [Fact]
    public async Task RecordWithoutExpirationEventIsUnknown()
    {
        Server.Answer("example.net", 200, """{"objectClassName":"domain","events":[{"eventAction":"registration","eventDate":"2001-01-01T00:00:00Z"}]}""");

        var expiry = await Client().GetExpiryAsync("example.net", CancellationToken.None);

        Assert.Equal(DomainExpiry.Unknown("example.net", "RDAP lookup failed (no expiration event for example.net)"), expiry);
    }

    [Fact]
    public async Task AnswerThatIsNotJsonIsUnknown()
    {
        Server.Answer("example.net", 200, "<html>rate limited</html>", "text/html");

        var expiry = await Client().GetExpiryAsync("example.net", CancellationToken.None);

        Assert.Equal("RDAP lookup failed (the answer is not JSON)", expiry.Error);
    }

    [Fact]
    public async Task RefusedConnectionIsUnknown()
    {
        var expiry = await Client($"http://127.0.0.1:{FreePort.Next()}").GetExpiryAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainExpiry.Unknown("example.com", "RDAP lookup failed (Connection refused)"), expiry);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    public async Task AddressesAndSingleLabelsAreNotLookedUp(string host)
    {
        var expiry = await Client().GetExpiryAsync(host, CancellationToken.None);

        Assert.Equal(DomainExpiry.Unknown(host, $"{host} is not a registered domain name"), expiry);
        Assert.Empty(Server.Paths);
    }

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("a.b.Example.COM.", "example.com")]
    [InlineData("shop.example.co.uk", "co.uk")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("localhost", null)]
    [InlineData("10.0.0.1", null)]
    [InlineData("", null)]
    public void RegistrableDomainIsTheLastTwoLabels(string host, string? expected) =>
        Assert.Equal(expected, RdapClient.RegistrableDomain(host));

    [Fact]
    public void DefaultsPointAtTheBootstrapServiceForTwelveHours()
    {
        var options = new RdapOptions();

        Assert.Equal("https://rdap.org", options.BaseUrl);
        Assert.Equal(TimeSpan.FromHours(12), options.CacheFor);
    }

    private RdapClient Client(string? baseUrl = null, TimeSpan? cacheFor = null) =>
        new(Options.Create(new RdapOptions { BaseUrl = baseUrl ?? Server.BaseUrl, CacheFor = cacheFor ?? TimeSpan.FromHours(12) }), _clock);
}
