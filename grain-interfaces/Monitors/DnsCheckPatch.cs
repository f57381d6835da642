namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>The parts of a dns monitor's settings (<see cref="DnsCheck"/>) a change gives; null members are kept.</summary>
/// <param name="Resolver">A resolver "ip" or "ip:port"; an empty text returns to the system resolvers.</param>
/// <param name="Expected">Replaces the expected answers; an empty list means "any answer".</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DnsCheckPatch")]
public sealed record DnsCheckPatch(
    [property: Id(0)] string? RecordType = null,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] string? Resolver = null,
    [property: Id(3)] IReadOnlyList<string>? Expected = null,
    [property: Id(4)] bool? MatchAll = null);
