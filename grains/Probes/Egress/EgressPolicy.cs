using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Options;

namespace OrleansMonitor.Grains.Probes.Egress;

/// <summary>
/// Where probes may connect. An address is refused when it lies in a configured <see cref="EgressOptions.Deny"/> range (always),
/// or in one of the <see cref="DefaultDeny"/> ranges and in no <see cref="EgressOptions.Allow"/> range; everything else is allowed,
/// loopback and private ranges included. IPv4-mapped IPv6 addresses (::ffff:169.254.1.1) are judged as their IPv4 address.
/// Every probe kind asks it about the address it is about to reach, after resolution (see <see cref="ProbeAddressResolver"/>).
/// </summary>
public sealed class EgressPolicy
{
    /// <summary>
    /// Denied unless allowed: link-local (169.254.0.0/16, fe80::/10: the cloud metadata services of AWS, Azure, GCP and
    /// Oracle live at 169.254.169.254), the unspecified ranges (0.0.0.0/8, ::/128: on Linux a connection to them reaches
    /// the local host), and the two metadata addresses outside link-local: AWS's IPv6 endpoint fd00:ec2::254 and Alibaba
    /// Cloud's 100.100.100.200.
    /// </summary>
    public static readonly IReadOnlyList<IpRange> DefaultDeny =
    [
        IpRange.Parse("169.254.0.0/16"),
        IpRange.Parse("fe80::/10"),
        IpRange.Parse("0.0.0.0/8"),
        IpRange.Parse("::/128"),
        IpRange.Parse("fd00:ec2::254/128"),
        IpRange.Parse("100.100.100.200/32"),
    ];

    private readonly IpRange[] _deny;
    private readonly IpRange[] _allow;

    /// <exception cref="ArgumentException">An entry of <paramref name="options"/> is not a CIDR range.</exception>
    public EgressPolicy(EgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (EgressOptionsValidator.Problems(options).FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _deny = [.. (options.Deny ?? []).Select(IpRange.Parse)];
        _allow = [.. (options.Allow ?? []).Select(IpRange.Parse)];
    }

    public EgressPolicy(IOptions<EgressOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The policy with no configuration: only <see cref="DefaultDeny"/>. Probes built without one use it.</summary>
    public static EgressPolicy Default { get; } = new(new EgressOptions());

    /// <summary>The configured deny ranges, as parsed.</summary>
    public IReadOnlyList<IpRange> Deny => _deny;

    /// <summary>The configured allow ranges, as parsed.</summary>
    public IReadOnlyList<IpRange> Allow => _allow;

    public bool IsAllowed(IPAddress address) => Refusal(address) is null;

    /// <summary>Whether a probe may connect to <paramref name="address"/>; when not, <paramref name="reason"/> says why (see <see cref="Refusal"/>).</summary>
    public bool IsAllowed(IPAddress address, [NotNullWhen(false)] out string? reason)
    {
        reason = Refusal(address);
        return reason is null;
    }

    /// <summary>Null when <paramref name="address"/> is allowed, otherwise the reason: "Egress policy refuses 127.0.0.2 (denied range 127.0.0.2/32)".</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var range = DeniedBy(address);
        return range is null ? null : $"Egress policy refuses {address} (denied range {range})";
    }

    /// <summary>The range that refuses <paramref name="address"/>, or null when it is allowed.</summary>
    public IpRange? DeniedBy(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var judged = IpRange.Normalize(address);
        if (Array.Find(_deny, range => range.Contains(judged)) is { } configured)
        {
            return configured;
        }

        if (DefaultDeny.FirstOrDefault(range => range.Contains(judged)) is { } standard && !Array.Exists(_allow, range => range.Contains(judged)))
        {
            return standard;
        }

        return null;
    }

    /// <summary>
    /// What a monitor's create or edit answers 422 with when its target is a LITERAL address this policy refuses: the http(s)
    /// URL's host, the tcp or ping host (field "url"), or the dns monitor's resolver (field "dns.resolver"). Null when the target
    /// is allowed or is a host name (names are judged at probe time, after resolution, since their answers can change).
    /// Reads the target the way the probes do, so it may be given the submitted or the normalized config.
    /// </summary>
    public IReadOnlyDictionary<string, string>? RefusalFor(MonitorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (field, address) = config.Type switch
        {
            MonitorType.Http => (MonitorField.Url, HttpLiteral(config.Url)),
            MonitorType.Tcp or MonitorType.Ping => (MonitorField.Url, HostLiteral(config.Url)),
            MonitorType.Dns => (MonitorField.DnsResolver, DnsCheckRules.TryParseResolver(config.Dns?.Resolver, out var resolver) ? resolver.Address : null),
            _ => (string.Empty, null),
        };

        return address is not null && Refusal(address) is { } reason
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [field] = reason }
            : null;
    }

    /// <summary>Why an http(s) URL whose host is an address literal may not be reached, or null (names are judged at connect).</summary>
    public string? RefusalForUrl(string? url) => HttpLiteral(url) is { } address ? Refusal(address) : null;

    private static IPAddress? HttpLiteral(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
            ? address
            : null;

    private static IPAddress? HostLiteral(string? host) =>
        IPAddress.TryParse((host ?? string.Empty).Trim().Trim('[', ']'), out var address) ? address : null;
}
