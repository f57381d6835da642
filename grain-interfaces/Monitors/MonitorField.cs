namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>
/// The dialect-neutral ids of a monitor's settings: the keys of <see cref="MonitorOutcome.Errors"/>. Every API dialect
/// maps them to the names its clients send (a Dashmon device's <c>expectedStatus</c> is <see cref="ValidStatusCodes"/>).
/// The ids are stable; most read like the field names of the first API the engine spoke.
/// </summary>
public static class MonitorField
{
    public const string Name = "name";
    public const string Type = "type";

    /// <summary>The http URL, the tcp or ping host.</summary>
    public const string Url = "url";
    public const string Port = "port";
    public const string Method = "method";
    public const string Headers = "headers";
    public const string Body = "body";
    public const string ValidStatusCodes = "valid_status_codes";
    public const string Interval = "interval";
    public const string RetryInterval = "retryInterval";
    public const string RequestTimeout = "requestTimeout";

    /// <summary>A dns monitor's settings as a whole (missing); their parts are <see cref="DnsRecordType"/> and the like.</summary>
    public const string Dns = "dns";
    public const string DnsRecordType = "dns.recordType";

    /// <summary>The name a dns monitor queries.</summary>
    public const string DnsName = "dns.name";
    public const string DnsResolver = "dns.resolver";
    public const string DnsExpected = "dns.expected";

    /// <summary>A heartbeat monitor's settings as a whole; their parts are <see cref="HeartbeatInterval"/> and <see cref="HeartbeatGrace"/>.</summary>
    public const string Heartbeat = "heartbeat";
    public const string HeartbeatInterval = "heartbeat.interval";
    public const string HeartbeatGrace = "heartbeat.grace";

    /// <summary>The parent device (a dependency), held in the workspace's device index.</summary>
    public const string ParentId = "parentId";

    /// <summary>The assertion list as a whole; one assertion is <see cref="Assertion"/>.</summary>
    public const string Assertions = "assertions";

    /// <summary>The assertion at <paramref name="index"/> (0-based) of the list.</summary>
    public static string Assertion(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"assertions[{index}]");

    /// <summary>The id of a part of the DNS settings, e.g. <c>recordType</c> → <see cref="DnsRecordType"/>.</summary>
    public static string OfDns(string part) => Dns + "." + part;
}
