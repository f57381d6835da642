namespace OrleansMonitor.Grains.Probes;

/// <summary>Everything a probe runner needs to check a target once.</summary>
public sealed record ProbeRequest(
    MonitorType Type,
    string Target,
    int? Port,
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    StatusCodeRanges ValidStatusCodes,
    TimeSpan Timeout)
{
    /// <summary>For dns probes: what to ask and expect.</summary>
    public DnsCheck? Dns { get; init; }

    /// <summary>For http probes: assertions to check beyond the status code.</summary>
    public IReadOnlyList<SyntheticAssertion> Assertions { get; init; } = [];
}
