namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>The assertions of PUT /api/devices/:id/synthetic. Values are stored: append only.</summary>
[GenerateSerializer, Alias("OrleansMonitor.SyntheticAssertionKind")]
public enum SyntheticAssertionKind
{
    /// <summary>Status code within Value ("200,204" or "200-299").</summary>
    StatusCodeIn = 0,
    /// <summary>Response time at most Value milliseconds.</summary>
    ResponseTimeBelow = 1,
    BodyContains = 2,
    BodyNotContains = 3,
    /// <summary>The JSON value at Target, as text, equals Value.</summary>
    JsonPathEquals = 4,
    JsonPathExists = 5,
    /// <summary>Response header Target equals Value.</summary>
    HeaderEquals = 6,
    /// <summary>TLS certificate valid with at least Value days left.</summary>
    TlsValidDaysAtLeast = 7,
    /// <summary>Domain registration (RDAP) expires in at least Value days.</summary>
    DomainDaysAtLeast = 8,
}
