namespace OrleansMonitor.Grains.Probes;

/// <summary>The outcome of one probe.</summary>
/// <param name="IsUp">Whether the target answered as the monitor expects.</param>
/// <param name="Status">The HTTP status code as text ("200"), or "ALIVE"/"DOWN" for TCP, or a short failure word ("TIMEOUT").</param>
/// <param name="LatencyMs">Wall-clock milliseconds from start to answer (or to failure).</param>
/// <param name="Message">A human line, e.g. "200 - OK" or "Connection refused".</param>
/// <param name="Certificate">For https, the server certificate seen; otherwise null.</param>
public sealed record ProbeResult(bool IsUp, string Status, int LatencyMs, string Message, CertificateInfo? Certificate = null);
