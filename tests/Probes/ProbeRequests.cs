using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Tests.Probes;

/// <summary>Builds probe requests with the defaults a monitor would use.</summary>
public static class ProbeRequests
{
    public static ProbeRequest Http(
        string url,
        string method = "GET",
        StatusCodeRanges? validStatusCodes = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? body = null,
        TimeSpan? timeout = null) =>
        new(MonitorType.Http, url, null, method, headers ?? new Dictionary<string, string>(), body, validStatusCodes ?? StatusCodeRanges.Default, timeout ?? TimeSpan.FromSeconds(5));

    public static ProbeRequest Tcp(string address, int? port, TimeSpan? timeout = null) =>
        new(MonitorType.Tcp, address, port, "GET", new Dictionary<string, string>(), null, StatusCodeRanges.Default, timeout ?? TimeSpan.FromSeconds(5));

    public static ProbeRequest Ping(string host, TimeSpan? timeout = null) =>
        new(MonitorType.Ping, host, null, "GET", new Dictionary<string, string>(), null, StatusCodeRanges.Default, timeout ?? TimeSpan.FromSeconds(5));

    public static StatusCodeRanges Codes(params string[] entries) =>
        StatusCodeRanges.TryParse(entries, out var ranges, out var error) ? ranges : throw new ArgumentException(error, nameof(entries));
}
