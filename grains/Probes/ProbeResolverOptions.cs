using System.Net;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// Configuration section <c>Probes</c>: <see cref="Resolver"/>, the DNS server probes resolve host names with
/// (<c>Probes__Resolver=127.0.0.1:5353</c>). Unset: the system resolver.
/// </summary>
public sealed class ProbeResolverOptions
{
    public const string Section = "Probes";

    /// <summary>"ip", "ip:port", "[ipv6]" or "[ipv6]:port" of a DNS server (port 53 by default); null or blank for the system resolver.</summary>
    public string? Resolver { get; set; }

    /// <summary>The server <see cref="Resolver"/> names, or null for the system resolver.</summary>
    /// <exception cref="FormatException"><see cref="Resolver"/> is set but not an address with an optional port.</exception>
    public IPEndPoint? ServerEndpoint()
    {
        if (string.IsNullOrWhiteSpace(Resolver))
        {
            return null;
        }

        return DnsCheckRules.TryParseResolver(Resolver, out var endpoint)
            ? endpoint
            : throw new FormatException(InvalidMessage(Resolver));
    }

    internal static string InvalidMessage(string? resolver) =>
        $"{Section}:Resolver is '{resolver}', which is not a DNS server address: write an IPv4 or IPv6 address with an optional port, e.g. 10.0.0.53, 127.0.0.1:5353 or [::1]:53";
}
