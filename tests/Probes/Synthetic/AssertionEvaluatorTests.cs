using System.Net.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Probes.Synthetic;
using OrleansMonitor.Tests.Probes;
using static OrleansMonitor.GrainInterfaces.Monitors.SyntheticAssertionKind;

namespace OrleansMonitor.Tests.Probes.Synthetic;

/// <summary>The evaluator on answers with exact figures: latency, certificate days (real self-signed certificates) and domain expiry (a real loopback RDAP server).</summary>
public sealed class AssertionEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2031, 3, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ResponseOverTheLimitNamesBothFigures()
    {
        var evaluator = new AssertionEvaluator();

        var over = await evaluator.EvaluateAsync([new(ResponseTimeBelow, null, "500")], Facts(latencyMs: 812), CancellationToken.None);
        var atLimit = await evaluator.EvaluateAsync([new(ResponseTimeBelow, null, "500")], Facts(latencyMs: 500), CancellationToken.None);

        Assert.Equal(["response 812 ms over 500 ms"], over);
        Assert.Empty(atLimit);
    }

    [Fact]
    public async Task StatusOutsideTheRangeIsNamed()
    {
        var failures = await new AssertionEvaluator().EvaluateAsync([new(StatusCodeIn, null, "200-299")], Facts(statusCode: 500), CancellationToken.None);

        Assert.Equal(["status 500 not in 200-299"], failures);
    }

    [Fact]
    public async Task JsonNumbersCompareByValue()
    {
        var facts = Facts(body: """{"count":7,"price":1.50,"items":[],"label":"7"}""");

        var failures = await new AssertionEvaluator().EvaluateAsync(
            [new(JsonPathEquals, "$.count", "7.0"), new(JsonPathEquals, "$.price", "1.5"), new(JsonPathEquals, "$.items", "[]"), new(JsonPathEquals, "$.label", "7.0")],
            facts,
            CancellationToken.None);

        Assert.Equal(["$.label is \"7\", expected \"7.0\""], failures);
    }

    [Fact]
    public async Task EmptyBodyIsNotJson()
    {
        var failures = await new AssertionEvaluator().EvaluateAsync(
            [new(JsonPathExists, "$.a", null), new(JsonPathEquals, "$.b", "1")], Facts(body: ""), CancellationToken.None);

        Assert.Equal(["body is not JSON", "body is not JSON"], failures);
    }

    [Fact]
    public async Task CertificateWithFewDaysLeftFailsWithTheCount()
    {
        using var certificate = TestCertificates.SelfSigned(Now.AddDays(-30), Now.AddDays(3.5));
        var info = CertificateReader.Read(certificate, SslPolicyErrors.None, Now);
        var evaluator = new AssertionEvaluator();

        var tooFew = await evaluator.EvaluateAsync([new(TlsValidDaysAtLeast, null, "14")], Facts(certificate: info), CancellationToken.None);
        var enough = await evaluator.EvaluateAsync([new(TlsValidDaysAtLeast, null, "3")], Facts(certificate: info), CancellationToken.None);

        Assert.Equal(["TLS certificate has 3 days left, needs 14"], tooFew);
        Assert.Empty(enough);
    }

    [Fact]
    public async Task UntrustedCertificateFailsWhateverItsDays()
    {
        using var certificate = TestCertificates.SelfSigned(Now.AddDays(-30), Now.AddDays(300));
        var info = CertificateReader.Read(certificate, SslPolicyErrors.RemoteCertificateChainErrors, Now);

        var failures = await new AssertionEvaluator().EvaluateAsync([new(TlsValidDaysAtLeast, null, "14")], Facts(certificate: info), CancellationToken.None);

        Assert.Equal(["TLS certificate invalid"], failures);
    }

    [Fact]
    public async Task DomainExpiringSoonFailsWithTheDaysLeft()
    {
        await using var rdap = await LoopbackRdapServer.StartAsync();
        rdap.Expires("example.com", Now.AddDays(10.5));
        var evaluator = new AssertionEvaluator(Client(rdap));

        var tooFew = await evaluator.EvaluateAsync([new(DomainDaysAtLeast, null, "30")], Facts(host: "www.example.com"), CancellationToken.None);
        var enough = await evaluator.EvaluateAsync([new(DomainDaysAtLeast, null, "10")], Facts(host: "api.example.com"), CancellationToken.None);

        Assert.Equal(["domain example.com expires in 10 days, needs 30"], tooFew);
        Assert.Empty(enough);
        Assert.Equal(["/domain/example.com"], rdap.Paths);
    }

    [Fact]
    public async Task ExpiredDomainSaysHowLongAgo()
    {
        await using var rdap = await LoopbackRdapServer.StartAsync();
        rdap.Expires("example.org", Now.AddDays(-3));

        var failures = await new AssertionEvaluator(Client(rdap)).EvaluateAsync([new(DomainDaysAtLeast, null, "0")], Facts(host: "example.org"), CancellationToken.None);

        Assert.Equal(["domain example.org expired 3 days ago, needs 0"], failures);
    }

    [Fact]
    public async Task FailedRdapLookupMakesTheExpiryUnknown()
    {
        await using var rdap = await LoopbackRdapServer.StartAsync();

        var failures = await new AssertionEvaluator(Client(rdap)).EvaluateAsync([new(DomainDaysAtLeast, null, "30")], Facts(host: "example.net"), CancellationToken.None);

        Assert.Equal(["domain expiry unknown: RDAP lookup failed (HTTP 404 Not Found)"], failures);
    }

    [Fact]
    public async Task DomainIsNotLookedUpWithoutADomainAssertion()
    {
        await using var rdap = await LoopbackRdapServer.StartAsync();

        var failures = await new AssertionEvaluator(Client(rdap)).EvaluateAsync([new(BodyContains, null, "ok")], Facts(host: "example.com", body: "ok"), CancellationToken.None);

        Assert.Empty(failures);
        Assert.Empty(rdap.Paths);
    }

    private static RdapClient Client(LoopbackRdapServer rdap) =>
        new(Options.Create(new RdapOptions { BaseUrl = rdap.BaseUrl }), new FakeTimeProvider(Now));

    private static ResponseFacts Facts(
        string host = "example.com", int statusCode = 200, int latencyMs = 10, string body = "{}", CertificateInfo? certificate = null) =>
        new(host, statusCode, latencyMs, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), body, certificate);
}
