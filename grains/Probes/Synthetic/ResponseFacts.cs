namespace OrleansMonitor.Grains.Probes.Synthetic;

/// <summary>What an HTTP probe saw of one answer, for <see cref="AssertionEvaluator"/>.</summary>
/// <param name="Host">The host of the monitored URL (its registrable part is looked up for domain expiry).</param>
/// <param name="StatusCode">The final HTTP status code.</param>
/// <param name="LatencyMs">Milliseconds until the response headers arrived.</param>
/// <param name="Headers">Response and content headers, several values of one header joined with ", ". Names are matched case-insensitively.</param>
/// <param name="Body">The body as text, at most <see cref="AssertionEvaluator.MaxBodyBytes"/> bytes of it.</param>
/// <param name="Certificate">For https, the server certificate seen; otherwise null.</param>
public sealed record ResponseFacts(
    string Host,
    int StatusCode,
    int LatencyMs,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    CertificateInfo? Certificate);
