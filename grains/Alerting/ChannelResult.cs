namespace OrleansMonitor.Grains.Alerting;

/// <summary>What one send attempt came to.</summary>
/// <param name="Succeeded">The receiver took it.</param>
/// <param name="StatusCode">The receiver's HTTP or SMTP status, when it answered.</param>
/// <param name="Error">Why it failed (cleaned, capped), or null.</param>
/// <param name="Retryable">A failure worth trying again (timeout, 5xx, 429, refused connection); false for a receiver that
/// will never take it (4xx other than 408 and 429, an invalid address, an egress refusal).</param>
/// <param name="LatencyMs">How long the attempt took.</param>
public sealed record ChannelResult(bool Succeeded, int? StatusCode, string? Error, bool Retryable, int LatencyMs)
{
    public static ChannelResult Sent(int? statusCode, int latencyMs) => new(true, statusCode, null, false, latencyMs);

    public static ChannelResult Failed(int? statusCode, string error, bool retryable, int latencyMs) => new(false, statusCode, error, retryable, latencyMs);
}
