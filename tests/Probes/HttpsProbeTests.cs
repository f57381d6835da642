using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes;

public sealed class HttpsProbeTests
{
    [Fact]
    public async Task SelfSignedCertificateIsReadButMakesTheProbeDown()
    {
        var notAfter = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(40), TimeSpan.Zero);
        using var certificate = TestCertificates.SelfSigned(notAfter.AddDays(-60), notAfter);
        await using var server = await ProbeRoutes.StartAsync(certificate);
        var checkedAt = notAfter.AddDays(-10.5);
        var probe = new HttpProbe(new FakeTimeProvider(checkedAt));

        var result = await probe.RunAsync(ProbeRequests.Http(server.UrlOf("/ok")), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("TLS certificate invalid: RemoteCertificateChainErrors", result.Message);
        var info = Assert.IsType<CertificateInfo>(result.Certificate);
        Assert.False(info.IsValid);
        Assert.Equal("localhost", info.Issuer["CN"]);
        Assert.Equal("OrleansMonitor Tests", info.Issuer["O"]);
        Assert.Equal("NL", info.Issuer["C"]);
        Assert.Equal(["localhost"], info.ValidOn);
        Assert.Equal(notAfter, info.ValidTill);
        Assert.Equal(notAfter.AddDays(-60), info.ValidFrom);
        Assert.Equal(10, info.DaysRemaining);
        Assert.Equal(checkedAt, info.CheckedAt);
    }

    [Fact]
    public async Task RejectedCertificateStopsTheRequestBeforeItIsSent()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = TestCertificates.SelfSigned(now.AddDays(-1), now.AddDays(30));
        await using var server = await ProbeRoutes.StartAsync(certificate);
        var headers = new Dictionary<string, string> { ["X-Probe"] = "secret" };

        var result = await new HttpProbe(TimeProvider.System).RunAsync(ProbeRequests.Http(server.UrlOf("/echo"), "POST", headers: headers, body: "{}"), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.NotNull(result.Certificate);
        Assert.Empty(server.Received);
        Assert.Equal(1, server.AcceptedConnections);
    }
}
