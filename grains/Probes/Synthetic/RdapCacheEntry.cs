namespace OrleansMonitor.Grains.Probes.Synthetic;

/// <summary>One domain's lookup in the <see cref="RdapClient"/> cache: started once, shared by every caller until stale.</summary>
internal sealed record RdapCacheEntry(Lazy<Task<DomainExpiry>> Lookup, DateTimeOffset StartedAt);
