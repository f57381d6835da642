namespace OrleansMonitor.Grains.Probes.Synthetic;

/// <summary>The registration expiry of a domain as RDAP reports it, or why it is unknown.</summary>
/// <param name="Domain">The domain looked up (the registrable part of the host).</param>
/// <param name="ExpiresAt">The expiration event date; null when unknown.</param>
/// <param name="DaysLeft">Whole days from now until <paramref name="ExpiresAt"/>, rounded down (negative once expired); null when unknown.</param>
/// <param name="Error">Why the expiry is unknown, e.g. "RDAP lookup failed (HTTP 404 Not Found)"; null when known.</param>
public sealed record DomainExpiry(string Domain, DateTimeOffset? ExpiresAt, int? DaysLeft, string? Error)
{
    public static DomainExpiry Unknown(string domain, string error) => new(domain, null, null, error);
}
