using System.Globalization;

namespace OrleansMonitor.ApiHost.Lunalytics.Responses;

/// <summary>A certificate seen by the probe; dates as OpenSSL writes them (<c>Apr 11 03:50:40 2024 GMT</c>), checks in Unix milliseconds.</summary>
public sealed record LunalyticsCertificateDetails(
    bool IsValid,
    IReadOnlyDictionary<string, string> Issuer,
    string ValidFrom,
    string ValidTill,
    IReadOnlyList<string> ValidOn,
    int DaysRemaining,
    long LastCheck,
    long? NextCheck) : LunalyticsCertificate(IsValid)
{
    public static LunalyticsCertificate Of(CertificateInfo? certificate, DateTimeOffset? nextCheck) => certificate is null
        ? new NoCertificate(false)
        : new LunalyticsCertificateDetails(
            certificate.IsValid,
            certificate.Issuer,
            OpenSslDate(certificate.ValidFrom),
            OpenSslDate(certificate.ValidTill),
            certificate.ValidOn,
            certificate.DaysRemaining,
            certificate.CheckedAt.ToUnixTimeMilliseconds(),
            nextCheck?.ToUnixTimeMilliseconds());

    private static string OpenSslDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("MMM d HH:mm:ss yyyy 'GMT'", CultureInfo.InvariantCulture);
}
