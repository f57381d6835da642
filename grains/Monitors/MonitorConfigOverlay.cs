using System.Diagnostics.CodeAnalysis;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// The one rule by which a change from any API dialect (a <see cref="MonitorConfigPatch"/>) becomes a configuration:
/// every setting the patch gives replaces the current one, every other setting is kept. Settings that belong to a kind
/// of monitor (an http request, a tcp port, DNS or heartbeat settings, assertions) are kept while the monitor keeps its
/// kind; a new monitor, or one that changes kind, starts them from the defaults below. The result is checked and
/// normalized by <see cref="MonitorConfigRules"/> afterwards.
/// </summary>
public static class MonitorConfigOverlay
{
    public const int DefaultInterval = 60;
    public const int DefaultRequestTimeout = 30;

    /// <summary>A heartbeat monitor given no settings expects a beat every <see cref="DefaultInterval"/> s, with this grace.</summary>
    public const int DefaultHeartbeatGrace = 60;

    /// <summary>A dns monitor given only a host asks for its A record and takes any answer.</summary>
    public const string DefaultDnsRecordType = "A";

    /// <summary>
    /// The configuration <paramref name="patch"/> makes of <paramref name="current"/> (null: a new monitor). Fails, naming
    /// <see cref="MonitorField.Type"/>, only when a new monitor is given no type. A heartbeat monitor keeps its receiver
    /// token (empty for a new one: the grain issues it).
    /// </summary>
    public static bool TryApply(
        MonitorConfig? current,
        MonitorConfigPatch patch,
        [NotNullWhen(true)] out MonitorConfig? config,
        out IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if ((patch.Type ?? current?.Type) is not { } type)
        {
            errors = new Dictionary<string, string>(StringComparer.Ordinal) { [MonitorField.Type] = "Type is required" };
            config = null;
            return false;
        }

        // Settings of a kind carry over while the monitor keeps its kind; probe timings carry over between the probing
        // kinds, while a heartbeat monitor's interval is its beat interval.
        var same = current?.Type == type ? current : null;
        var timings = type == MonitorType.Heartbeat ? same : current is { Type: not MonitorType.Heartbeat } ? current : null;
        var interval = patch.Interval ?? timings?.Interval ?? DefaultInterval;
        config = new MonitorConfig
        {
            Name = patch.Name ?? current?.Name ?? "",
            Type = type,
            Url = patch.Url ?? same?.Url ?? "",
            Port = patch.Port ?? same?.Port,
            Method = patch.Method ?? same?.Method,
            Headers = patch.Headers ?? same?.Headers,
            Body = patch.Body ?? same?.Body,
            ValidStatusCodes = patch.ValidStatusCodes ?? same?.ValidStatusCodes,
            Interval = interval,
            RetryInterval = patch.RetryInterval ?? timings?.RetryInterval ?? interval,
            RequestTimeout = patch.RequestTimeout ?? current?.RequestTimeout ?? DefaultRequestTimeout,
            Dns = type == MonitorType.Dns ? Dns(same?.Dns, patch) : null,
            Heartbeat = type == MonitorType.Heartbeat ? Heartbeat(same?.Heartbeat, patch) : null,
            Assertions = patch.Assertions ?? same?.Assertions,
        };
        errors = new Dictionary<string, string>(StringComparer.Ordinal);
        return true;
    }

    /// <summary>The DNS settings; null (refused by the rules) only when neither they nor a host were ever given.</summary>
    private static DnsCheck? Dns(DnsCheck? current, MonitorConfigPatch patch)
    {
        var given = patch.Dns;
        var name = given?.Name ?? patch.Url ?? current?.Name;
        if (current is null && given is null && name is null)
        {
            return null;
        }

        var resolver = given?.Resolver is { } named ? (string.IsNullOrWhiteSpace(named) ? null : named) : current?.Resolver;
        return new DnsCheck(
            given?.RecordType ?? current?.RecordType ?? DefaultDnsRecordType,
            name ?? "",
            resolver,
            given?.Expected ?? current?.Expected ?? [],
            given?.MatchAll ?? current?.MatchAll ?? false);
    }

    /// <summary>The heartbeat settings: the beat interval is the patch's heartbeat interval, else its interval.</summary>
    private static HeartbeatCheck Heartbeat(HeartbeatCheck? current, MonitorConfigPatch patch) => new(
        patch.Heartbeat?.IntervalSeconds ?? patch.Interval ?? current?.IntervalSeconds ?? DefaultInterval,
        patch.Heartbeat?.GraceSeconds ?? current?.GraceSeconds ?? DefaultHeartbeatGrace,
        current?.Token ?? "");
}
