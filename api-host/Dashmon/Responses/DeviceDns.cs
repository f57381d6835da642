namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A dns device's query and expected answers.</summary>
public sealed record DeviceDns(string RecordType, string Name, string? Resolver, IReadOnlyList<string> Expected, DnsMatch Match)
{
    public static DeviceDns Of(DnsCheck dns) => new(dns.RecordType, dns.Name, dns.Resolver, dns.Expected, dns.MatchAll ? DnsMatch.All : DnsMatch.Any);
}
