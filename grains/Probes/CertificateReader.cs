using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OrleansMonitor.Grains.Probes;

/// <summary>Turns a server certificate and the TLS policy verdict into the Lunalytics <see cref="CertificateInfo"/>.</summary>
public static class CertificateReader
{
    private const string SubjectAlternativeNameOid = "2.5.29.17";

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["2.5.4.3"] = "CN",
        ["2.5.4.6"] = "C",
        ["2.5.4.7"] = "L",
        ["2.5.4.8"] = "ST",
        ["2.5.4.10"] = "O",
        ["2.5.4.11"] = "OU",
        ["2.5.4.5"] = "serialNumber",
        ["1.2.840.113549.1.9.1"] = "emailAddress",
        ["0.9.2342.19200300.100.1.25"] = "DC",
    };

    /// <summary>
    /// Reads <paramref name="certificate"/> as seen at <paramref name="now"/>. It is valid when the platform reported
    /// no policy errors and <paramref name="now"/> lies within its validity period. DaysRemaining is the whole number of
    /// days until it expires, rounded down (negative once expired).
    /// </summary>
    public static CertificateInfo Read(X509Certificate2 certificate, SslPolicyErrors errors, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var validFrom = new DateTimeOffset(certificate.NotBefore).ToUniversalTime();
        var validTill = new DateTimeOffset(certificate.NotAfter).ToUniversalTime();
        var isValid = errors == SslPolicyErrors.None && now >= validFrom && now <= validTill;
        var daysRemaining = (int)Math.Floor((validTill - now).TotalDays);
        return new CertificateInfo(isValid, ReadIssuer(certificate.IssuerName), validFrom, validTill, ReadValidOn(certificate), daysRemaining, now);
    }

    /// <summary>The relative distinguished names of <paramref name="name"/> by short name (C, O, CN ...); repeated names are joined with ", ".</summary>
    public static IReadOnlyDictionary<string, string> ReadIssuer(X500DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var issuer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: true))
        {
            if (rdn.HasMultipleElements)
            {
                continue;
            }

            var oid = rdn.GetSingleElementType();
            var value = rdn.GetSingleElementValue();
            if (value is null)
            {
                continue;
            }

            var key = oid.Value is { } dotted && ShortNames.TryGetValue(dotted, out var shortName)
                ? shortName
                : oid.FriendlyName ?? oid.Value ?? "?";
            issuer[key] = issuer.TryGetValue(key, out var existing) ? $"{existing}, {value}" : value;
        }

        return issuer;
    }

    private static IReadOnlyList<string> ReadValidOn(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value != SubjectAlternativeNameOid)
            {
                continue;
            }

            var san = extension as X509SubjectAlternativeNameExtension
                ?? new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
            foreach (var dnsName in san.EnumerateDnsNames())
            {
                if (!names.Contains(dnsName, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(dnsName);
                }
            }
        }

        if (names.Count == 0 && certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } commonName)
        {
            names.Add(commonName);
        }

        return names;
    }
}
