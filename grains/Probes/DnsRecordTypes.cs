using System.Diagnostics.CodeAnalysis;
using DnsClient;

namespace OrleansMonitor.Grains.Probes;

/// <summary>The DNS record types a dns monitor may query, by their upper-case names, shared by the probe, validation and the APIs.</summary>
public static class DnsRecordTypes
{
    private static readonly Dictionary<string, QueryType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A"] = QueryType.A,
        ["AAAA"] = QueryType.AAAA,
        ["CNAME"] = QueryType.CNAME,
        ["MX"] = QueryType.MX,
        ["TXT"] = QueryType.TXT,
        ["NS"] = QueryType.NS,
        ["SOA"] = QueryType.SOA,
        ["CAA"] = QueryType.CAA,
    };

    /// <summary>A, AAAA, CNAME, MX, TXT, NS, SOA, CAA.</summary>
    public static IReadOnlyList<string> Names { get; } = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "CAA"];

    /// <summary>Reads a record type name case-insensitively, ignoring surrounding white space: "mx" gives <see cref="QueryType.MX"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out QueryType type)
    {
        type = default;
        return name is not null && ByName.TryGetValue(name.Trim(), out type);
    }

    /// <summary>The canonical upper-case name of a supported record type ("AAAA"), or null when <paramref name="name"/> is not one.</summary>
    public static string? Normalize(string? name) =>
        TryParse(name, out var type) ? type.ToString() : null;
}
