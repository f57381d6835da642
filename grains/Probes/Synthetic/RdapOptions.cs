namespace OrleansMonitor.Grains.Probes.Synthetic;

/// <summary>Where and how often <see cref="RdapClient"/> asks for domain registration data (section <c>Rdap</c>).</summary>
public sealed class RdapOptions
{
    public const string DefaultBaseUrl = "https://rdap.org";

    /// <summary>The RDAP service; a domain is read from <c>{BaseUrl}/domain/{name}</c>. The default bootstrap service redirects to the registry.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>How long a found expiry date is reused before the domain is looked up again. Failed lookups are retried sooner.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromHours(12);
}
