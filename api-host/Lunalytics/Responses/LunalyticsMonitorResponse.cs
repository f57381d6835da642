using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Lunalytics.Responses;

/// <summary>
/// The Lunalytics Monitor object (the answer of add, edit and id): <c>method</c>, <c>headers</c>, <c>body</c> and
/// <c>valid_status_codes</c> are null for a tcp monitor; <c>lastCheck</c> and <c>nextCheck</c> in Unix milliseconds.
/// </summary>
public sealed record LunalyticsMonitorResponse(
    Guid MonitorId,
    string Name,
    string Url,
    int Interval,
    int RetryInterval,
    int RequestTimeout,
    string? Method,
    IReadOnlyDictionary<string, string>? Headers,
    JsonNode? Body,
    [property: JsonPropertyName("valid_status_codes")] IReadOnlyList<string>? ValidStatusCodes,
    string Email,
    MonitorType Type,
    int? Port,
    double UptimePercentage,
    double AverageHeartbeatLatency,
    long? LastCheck,
    long? NextCheck,
    bool IsDown,
    IReadOnlyList<LunalyticsHeartbeat> Heartbeats,
    LunalyticsCertificate Cert,
    IReadOnlyDictionary<string, LunalyticsLatencyWindow> LatencyPercentiles);
