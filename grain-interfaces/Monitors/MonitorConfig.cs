namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>What the user asked a monitor to check, as submitted (validated by the monitor grain).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.MonitorConfig")]
public sealed record MonitorConfig
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required MonitorType Type { get; init; }
    /// <summary>The URL for http, the IPv4 address for tcp.</summary>
    [Id(2)] public required string Url { get; init; }
    [Id(3)] public int? Port { get; init; }
    [Id(4)] public string? Method { get; init; }
    [Id(5)] public IReadOnlyDictionary<string, string>? Headers { get; init; }
    /// <summary>The request body as JSON text (Lunalytics sends an object).</summary>
    [Id(6)] public string? Body { get; init; }
    [Id(7)] public IReadOnlyList<string>? ValidStatusCodes { get; init; }
    /// <summary>Seconds between probes.</summary>
    [Id(8)] public int Interval { get; init; }
    /// <summary>Seconds before a failed probe is retried.</summary>
    [Id(9)] public int RetryInterval { get; init; }
    /// <summary>Seconds a probe may take.</summary>
    [Id(10)] public int RequestTimeout { get; init; }

    /// <summary>For dns monitors: the query and the expected answers.</summary>
    [Id(11)] public DnsCheck? Dns { get; init; }

    /// <summary>For heartbeat (push) monitors: interval, grace and the receiver token.</summary>
    [Id(12)] public HeartbeatCheck? Heartbeat { get; init; }

    /// <summary>For http monitors: assertions checked on every probe.</summary>
    [Id(13)] public IReadOnlyList<SyntheticAssertion>? Assertions { get; init; }
}
