namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>What a DNS monitor asks and expects.</summary>
/// <param name="RecordType">A, AAAA, CNAME, MX, TXT, NS, SOA or CAA.</param>
/// <param name="Name">The name queried, e.g. "example.com".</param>
/// <param name="Resolver">A resolver "ip" or "ip:port"; null uses the system resolvers.</param>
/// <param name="Expected">Expected answer values (compared case-insensitively, trailing dots ignored); empty means "any answer".</param>
/// <param name="MatchAll">True: every expected value must be answered; false: at least one.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DnsCheck")]
public sealed record DnsCheck(
    [property: Id(0)] string RecordType,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Resolver,
    [property: Id(3)] IReadOnlyList<string> Expected,
    [property: Id(4)] bool MatchAll);
