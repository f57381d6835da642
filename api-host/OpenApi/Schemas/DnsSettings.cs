using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>What a dns device asks and expects; also the body of <c>PUT /api/devices/:id/dns-config</c>.</summary>
public sealed record DnsSettings
{
    [Description("A, AAAA, CNAME, MX, TXT, NS, ...")]
    public required string RecordType { get; init; }

    public required string Name { get; init; }

    [Description("DNS server (ip, ip:port, [ipv6]:port); Probes:Resolver or the system resolver when left out.")]
    public string? Resolver { get; init; }

    [Description("Expected answers (at most 20).")]
    public IReadOnlyList<string>? Expected { get; init; }

    [Description("any (default): one expected answer suffices; all: every one must be there.")]
    public string? Match { get; init; }
}
