using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OrleansMonitor.Grains.Probes;

/// <summary>Where the shared handler's certificate callback leaves what it saw for the probe that opened the connection.</summary>
internal sealed class CertificateCapture(TimeProvider timeProvider)
{
    private CertificateInfo? _certificate;
    private SslPolicyErrors _errors;

    public CertificateInfo? Certificate => Volatile.Read(ref _certificate);

    public SslPolicyErrors Errors => _errors;

    public void Capture(X509Certificate2 certificate, SslPolicyErrors errors)
    {
        _errors = errors;
        Volatile.Write(ref _certificate, CertificateReader.Read(certificate, errors, timeProvider.GetUtcNow()));
    }
}
