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
    TimeSpan Timeout);
