namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>One assertion an HTTP monitor checks on every probe; a failed one is named in the heartbeat message.</summary>
/// <param name="Kind">See <see cref="SyntheticAssertionKind"/>.</param>
/// <param name="Target">The JSON path (e.g. "$.status" or "data.items[0].id") or header name, where the kind needs one (the Dashmon API calls a JSON path <c>path</c>, a header name <c>target</c>).</param>
/// <param name="Value">The expected value: status codes ("200,201" or "200-299"), a millisecond limit, a text, a day count.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.SyntheticAssertion")]
public sealed record SyntheticAssertion(
    [property: Id(0)] SyntheticAssertionKind Kind,
    [property: Id(1)] string? Target,
    [property: Id(2)] string? Value);
