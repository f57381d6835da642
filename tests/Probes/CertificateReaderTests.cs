using System.Net.Security;
using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Tests.Probes;

public sealed class CertificateReaderTests
{
    private static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TrustedCertificateWithinItsPeriodIsValid()
    {
        using var certificate = TestCertificates.SelfSigned(NotBefore, NotAfter);
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var info = CertificateReader.Read(certificate, SslPolicyErrors.None, now);

        Assert.True(info.IsValid);
        Assert.Equal(30, info.DaysRemaining);
        Assert.Equal(NotBefore, info.ValidFrom);
        Assert.Equal(NotAfter, info.ValidTill);
        Assert.Equal(now, info.CheckedAt);
        Assert.Equal(new Dictionary<string, string> { ["CN"] = "localhost", ["O"] = "OrleansMonitor Tests", ["C"] = "NL" }, info.Issuer);
    }

    [Fact]
    public void ExpiredCertificateIsInvalidWithNegativeDays()
    {
        using var certificate = TestCertificates.SelfSigned(NotBefore, NotAfter);

        var info = CertificateReader.Read(certificate, SslPolicyErrors.None, NotAfter.AddHours(12));

        Assert.False(info.IsValid);
        Assert.Equal(-1, info.DaysRemaining);
    }

    [Fact]
    public void PolicyErrorsMakeCertificateInvalid()
    {
        using var certificate = TestCertificates.SelfSigned(NotBefore, NotAfter);

        var info = CertificateReader.Read(certificate, SslPolicyErrors.RemoteCertificateNameMismatch, NotBefore.AddDays(1));

        Assert.False(info.IsValid);
    }
}
